namespace RedesPlataforma.Testing;

/// <summary>
/// A local RabbitMQ node that deploy/local/infra.sh started: its Erlang name (for rabbitmqctl), its AMQP port and the
/// port of its HTTP API (the management plugin, AMQP port + 10 000 unless the environment says otherwise).
/// </summary>
public sealed record RabbitNode(string Name, ushort AmqpPort, ushort ManagementPort);
