namespace RedesPlataforma.Seed;

/// <summary>
/// How a value chain shows up in names, evidence notes and monitoring records: what a network calls itself, what it
/// sells and in which unit, how much a member sells a month, at what price, in which months (harvests, shearing),
/// the productivity measure, the post-harvest practices it adopts and where it sells. Orders of magnitude are those of
/// small Andean producer organisations; the demo needs plausibility, not statistics.
/// </summary>
/// <param name="MonthlyVolumePerMember">Volume a member sells in a normal month (in <paramref name="VolumeUnit"/>).</param>
/// <param name="Price">Price in soles per <paramref name="VolumeUnit"/>.</param>
/// <param name="Season">Twelve monthly factors (January first) applied to the volume.</param>
/// <param name="MonthlyIncome">A member's average net income from the chain in a month at the start of the year, in soles.</param>
public sealed record ChainProfile(
    string Code,
    string NetworkPrefix,
    string Product,
    string VolumeUnit,
    (double Min, double Max) MonthlyVolumePerMember,
    (double Min, double Max) Price,
    double[] Season,
    string ProductivityUnit,
    (double Min, double Max) Productivity,
    string[] PostHarvestPractices,
    string[] MarketChannels,
    (double Min, double Max) MonthlyIncome);

public static class ChainProfiles
{
    private static readonly double[] Flat = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

    // Grain harvested April–June and sold from storage the rest of the year.
    private static readonly double[] Grain = [0.6, 0.6, 0.7, 1.1, 1.5, 1.5, 1.2, 1.0, 0.9, 0.8, 0.7, 0.6];

    private static readonly ChainProfile[] All =
    [
        new("cuy", "Red de Criadores de Cuy", "cuyes de carne", "cuyes", (14, 24), (22, 28), [1, 1, 1, 1.05, 1, 1, 1.15, 1.1, 1, 1, 1.05, 1.3],
            "kg peso vivo/cuy", (0.9, 1.1),
            ["Clasificación por peso y edad", "Beneficio en camal autorizado", "Empaque al vacío", "Cadena de frío hasta el punto de venta", "Registro de producción"],
            ["Feria agropecuaria local", "Restaurantes de la zona", "Mercado regional", "Compras públicas", "Acopiador"], (280, 420)),
        new("dairy", "Red de Productores de Leche", "leche fresca", "litros", (450, 750), (1.3, 1.6), [1.1, 1.15, 1.15, 1.05, 0.95, 0.9, 0.85, 0.85, 0.9, 0.95, 1.0, 1.05],
            "litros/vaca/día", (6, 10),
            ["Ordeño higiénico", "Filtrado y enfriamiento", "Porongos de acero inoxidable", "Prueba de alcohol y acidez", "Centro de acopio con tanque de frío"],
            ["Planta quesera local", "Acopiador de planta láctea", "Venta directa en la comunidad", "Programa de vaso de leche municipal"], (380, 560)),
        new("dairy-derivatives", "Red de Queserías Rurales", "queso fresco y yogur", "kg", (45, 80), (14, 19), Flat,
            "kg de queso/100 litros de leche", (10, 12.5),
            ["Pasteurización lenta", "Moldeado y prensado estandarizado", "Salmuera controlada", "Etiquetado con registro sanitario", "Cámara de maduración"],
            ["Bodegas de la ciudad", "Feria agropecuaria local", "Supermercado regional", "Hoteles y restaurantes"], (420, 620)),
        new("canihua", "Red de Productores de Cañihua", "cañihua en grano", "kg", (35, 60), (7, 9.5), Grain,
            "kg/ha", (600, 900),
            ["Trillado en manta", "Venteo y limpieza", "Secado en tendales", "Almacenamiento en sacos de polipropileno", "Molienda para harina (cañihuaco)"],
            ["Feria de Ilave y Juliaca", "Acopiador", "Empresa transformadora", "Compras públicas"], (180, 300)),
        new("quinoa", "Red de Productores de Quinua", "quinua en grano", "kg", (60, 110), (5.5, 7.5), Grain,
            "kg/ha", (1200, 1800),
            ["Desaponificado", "Secado en tendales", "Venteo y selección por tamaño", "Almacenamiento en sacos de polipropileno", "Certificación orgánica"],
            ["Acopiador", "Empresa exportadora", "Feria regional", "Compras públicas"], (220, 360)),
        new("granadilla", "Red de Productores de Granadilla", "granadilla", "kg", (180, 320), (2.5, 3.8), [1.2, 1.3, 1.2, 1.0, 0.8, 0.7, 0.7, 0.8, 1.0, 1.1, 1.2, 1.2],
            "kg/ha", (8000, 12000),
            ["Cosecha en madurez comercial", "Selección y calibrado", "Embalaje en javas", "Tratamiento contra hongos en poscosecha"],
            ["Mercado Mayorista de Lima", "Acopiador", "Supermercados", "Empresa exportadora"], (350, 520)),
        new("mango", "Red de Productores de Mango", "mango Kent", "kg", (300, 600), (1.2, 2.0), [2.2, 1.8, 1.2, 0.5, 0.3, 0.3, 0.3, 0.3, 0.4, 0.6, 1.2, 2.0],
            "t/ha", (12, 18),
            ["Cosecha con pedúnculo", "Tratamiento hidrotérmico", "Calibrado por tamaño", "Empaque en cajas de exportación"],
            ["Empresa exportadora", "Mercado Mayorista de Lima", "Acopiador", "Planta de pulpa"], (400, 650)),
        new("coffee", "Red de Productores de Café", "café pergamino", "kg", (90, 160), (11, 15), [0.3, 0.3, 0.6, 1.2, 1.8, 2.0, 1.8, 1.4, 0.9, 0.6, 0.4, 0.3],
            "quintales/ha", (15, 25),
            ["Despulpado el mismo día", "Fermentación controlada", "Secado en secador solar", "Selección de granos", "Catación de lotes"],
            ["Cooperativa exportadora", "Tostaduría regional", "Acopiador", "Feria de cafés especiales"], (450, 700)),
        new("cacao", "Red de Productores de Cacao", "cacao en grano seco", "kg", (60, 110), (22, 32), [0.8, 0.7, 0.9, 1.2, 1.3, 1.3, 1.1, 0.9, 0.9, 1.0, 1.0, 0.9],
            "kg/ha", (600, 900),
            ["Fermentación en cajones", "Secado en marquesinas", "Selección de granos", "Almacenamiento en sacos de yute"],
            ["Cooperativa exportadora", "Chocolatería artesanal", "Acopiador"], (500, 800)),
        new("native-potato", "Red de Productores de Papa Nativa", "papa nativa", "kg", (250, 450), (1.6, 2.8), [0.5, 0.6, 0.9, 1.4, 1.8, 1.6, 1.2, 1.0, 0.8, 0.6, 0.5, 0.5],
            "t/ha", (9, 14),
            ["Selección por calibre", "Almacenamiento en almacén rústico con luz difusa", "Lavado y oreado", "Envasado en mallas de 10 kg"],
            ["Feria local", "Mercado Mayorista de Lima", "Empresa de snacks", "Restaurantes de la ciudad"], (250, 380)),
        new("alpaca-fibre", "Red de Productores de Fibra de Alpaca", "fibra de alpaca", "kg", (12, 25), (13, 19), [1.8, 1.6, 1.2, 0.4, 0.2, 0.2, 0.2, 0.3, 0.5, 1.0, 1.8, 2.0],
            "kg de fibra/alpaca/año", (2.0, 2.6),
            ["Esquila con tijera en manga", "Envellonado", "Clasificación por finura", "Almacenamiento en sacos de tocuyo"],
            ["Centro de acopio comunal", "Empresa textil de Arequipa", "Artesanas de la comunidad"], (260, 400)),
        new("honey", "Red de Apicultores", "miel de abeja", "kg", (12, 25), (25, 35), [1.4, 1.3, 1.1, 0.9, 0.7, 0.6, 0.6, 0.8, 1.0, 1.1, 1.2, 1.3],
            "kg/colmena/año", (15, 25),
            ["Centrifugado en sala de extracción", "Filtrado y decantación", "Envasado en frascos de vidrio", "Control de humedad"],
            ["Tiendas naturistas", "Feria local", "Supermercado regional", "Venta en línea"], (300, 480)),
        new("trout", "Red de Productores de Trucha", "trucha arcoíris", "kg", (180, 320), (10, 13.5), Flat,
            "kg/m³", (20, 32),
            ["Eviscerado y lavado", "Conservación en hielo", "Empaque al vacío", "Transporte refrigerado"],
            ["Restaurantes de la ciudad", "Mercado regional", "Supermercado", "Empresa procesadora"], (420, 650)),
        new("avocado", "Red de Productores de Palta", "palta Hass", "kg", (250, 480), (3.5, 5.5), [0.6, 0.6, 0.8, 1.2, 1.6, 1.6, 1.4, 1.0, 0.8, 0.6, 0.6, 0.6],
            "t/ha", (8, 12),
            ["Cosecha con tijera", "Selección y calibrado", "Empaque en jabas plásticas", "Cadena de frío"],
            ["Empresa exportadora", "Mercado Mayorista de Lima", "Acopiador"], (450, 700)),
        new("maca", "Red de Productores de Maca", "maca seca", "kg", (40, 80), (9, 14), [0.6, 0.6, 0.7, 0.9, 1.5, 1.8, 1.5, 1.0, 0.8, 0.7, 0.6, 0.6],
            "t/ha", (3, 5),
            ["Secado natural en eras", "Selección por color", "Molienda y gelatinizado", "Envasado hermético"],
            ["Empresa exportadora", "Tiendas naturistas", "Acopiador"], (300, 460)),
        new("tara", "Red de Productores de Tara", "vaina de tara", "kg", (100, 200), (3.5, 5.5), [0.8, 0.8, 0.9, 1.1, 1.3, 1.4, 1.3, 1.1, 0.9, 0.8, 0.8, 0.8],
            "kg/planta/año", (8, 14),
            ["Cosecha de vainas maduras", "Secado bajo sombra", "Limpieza y selección", "Almacenamiento en sacos de yute"],
            ["Empresa procesadora de taninos", "Acopiador", "Cooperativa exportadora"], (250, 380)),
    ];

    private static readonly Dictionary<string, ChainProfile> ByCode = All.ToDictionary(p => p.Code);

    public static ChainProfile Of(string chain) =>
        ByCode.TryGetValue(chain, out var profile) ? profile : throw new InvalidOperationException($"no demo profile for value chain '{chain}'");
}
