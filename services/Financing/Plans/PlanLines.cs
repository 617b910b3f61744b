using RedesPlataforma.BuildingBlocks.Http;

namespace RedesPlataforma.Financing.Plans;

/// <summary>Turns requested budget lines into entities, refusing bad amounts with the field at fault.</summary>
static class PlanLines
{
    public static (List<BudgetLine>? Lines, Refusal? Refusal) Build(Guid planId, IReadOnlyList<BudgetLineRequest> requests)
    {
        var lines = new List<BudgetLine>();
        for (var i = 0; i < requests.Count; i++)
        {
            var r = requests[i];
            string F(string name) => $"lines[{i}].{name}";
            if (Money.Problem(r.Quantity, allowZero: false) is { } q) return (null, Refusal.Unprocessable(F("quantity"), q));
            foreach (var (name, value) in new[] { ("unitCostPen", r.UnitCostPen), ("programmeFundsPen", r.ProgrammeFundsPen),
                         ("networkCashPen", r.NetworkCashPen), ("networkInKindPen", r.NetworkInKindPen) })
                if (Money.Problem(value, allowZero: name != "unitCostPen") is { } problem) return (null, Refusal.Unprocessable(F(name), problem));

            var amount = Money.RoundCents(r.Quantity * r.UnitCostPen);
            if (amount > Money.Max) return (null, Refusal.Unprocessable(F("amountPen"), Money.Problem(amount)!));
            if (r.ProgrammeFundsPen + r.NetworkCashPen + r.NetworkInKindPen != amount)
                return (null, Refusal.Unprocessable(F("programmeFundsPen"),
                    $"Programme funds, network cash and in-kind contribution must add up to the line's amount (quantity × unit cost = {amount:0.00}). / " +
                    $"Los fondos del programa, el aporte en efectivo y el aporte en especie deben sumar el monto de la línea (cantidad × costo unitario = {amount:0.00})."));
            lines.Add(new BudgetLine
            {
                PlanId = planId, Position = i, Category = r.Category!.Value, Description = r.Description.Trim(), Quantity = r.Quantity,
                UnitCostPen = r.UnitCostPen, AmountPen = amount, ProgrammeFundsPen = r.ProgrammeFundsPen, NetworkCashPen = r.NetworkCashPen,
                NetworkInKindPen = r.NetworkInKindPen,
            });
        }
        if (lines.Sum(l => l.AmountPen) > Money.Max)
            return (null, Refusal.Unprocessable("lines", Money.Problem(Money.Max + 1)!));
        return (lines, null);
    }
}
