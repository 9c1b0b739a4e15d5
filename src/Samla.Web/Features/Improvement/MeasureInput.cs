using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Samla.Web.Features.Improvement;

/// <summary>The measure form's fields (new and edit).</summary>
public sealed class MeasureInput
{
    /// <summary>The form's field ids (_MeasureFields.cshtml) by error key, for the error summary's links.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldIds = new Dictionary<string, string>
    {
        ["Input.Name"] = "m-name", ["Input.OperationalDefinition"] = "m-def", ["Input.Unit"] = "m-unit",
        ["Input.Target"] = "m-target", ["Input.Baseline"] = "m-baseline", ["Input"] = "",
    };

    public string? Name { get; set; }
    public MeasureType Type { get; set; }
    public string? OperationalDefinition { get; set; }
    public string? Unit { get; set; }
    public ImprovementDirection Direction { get; set; }
    public string? Target { get; set; }
    public RuleSet Rules { get; set; }
    public int? Baseline { get; set; }
    public ChartKind Chart { get; set; }

    public static MeasureInput From(Measure m) => new()
    {
        Name = m.Name,
        Type = m.Type,
        OperationalDefinition = m.OperationalDefinition,
        Unit = m.Unit,
        Direction = m.Direction,
        Target = m.Target is { } t ? RunChartView.Num(t) : null,
        Rules = m.Rules,
        Baseline = m.Baseline,
        Chart = m.Chart,
    };

    public bool Validate(ModelStateDictionary state, IStringLocalizer t, out double? target)
    {
        target = null;
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 300) state.AddModelError("Input.Name", t["MeasureNameRequired"]);
        if (OperationalDefinition?.Length > 4000) state.AddModelError("Input.OperationalDefinition", t["TextTooLong"]);
        if (Unit?.Length > 100) state.AddModelError("Input.Unit", t["TextTooLong"]);
        if (!string.IsNullOrWhiteSpace(Target))
        {
            if (PointParser.TryValue(Target, out var v)) target = v;
            else state.AddModelError("Input.Target", t["TargetInvalid"]);
        }
        if (Baseline is < 1 or > RunChartAnalysis.MaxPoints) state.AddModelError("Input.Baseline", t["BaselineInvalid"]);
        if (!Enum.IsDefined(Type) || !Enum.IsDefined(Direction) || !Enum.IsDefined(Rules) || !Enum.IsDefined(Chart))
            state.AddModelError("Input", t["ChoiceInvalid"]);
        return state.IsValid;
    }

    public void ApplyTo(Measure m, double? target)
    {
        m.Name = Name!.Trim();
        m.Type = Type;
        m.OperationalDefinition = OperationalDefinition?.Trim() ?? "";
        m.Unit = Unit?.Trim() ?? "";
        m.Direction = Direction;
        m.Target = target;
        m.Rules = Rules;
        m.Baseline = Baseline;
        m.Chart = Chart;
    }
}
