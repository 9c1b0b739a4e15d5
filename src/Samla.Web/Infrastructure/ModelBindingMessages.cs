using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samla.Web.Features.Shared;

namespace Samla.Web.Infrastructure;

/// <summary>
/// The messages model binding gives when a posted value cannot be read ("abc" for a number, an empty value for a
/// required one) in the UI language, from <see cref="SharedText"/> (<c>Binding_*</c>), instead of ASP.NET Core's English
/// ("The value 'abc' is not valid for OverdueEveryDays.", which also named the property rather than the field).
/// </summary>
public sealed class ModelBindingMessages(IStringLocalizer<SharedText> t) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var m = options.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, _) => t["Binding_ValueInvalid", value]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["Binding_ValueInvalid", value]);
        m.SetValueIsInvalidAccessor(value => t["Binding_ValueInvalid", value]);
        m.SetUnknownValueIsInvalidAccessor(_ => t["Binding_Invalid"]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Binding_Invalid"]);
        m.SetValueMustBeANumberAccessor(_ => t["Binding_Number"]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => t["Binding_Number"]);
        m.SetValueMustNotBeNullAccessor(_ => t["Binding_Required"]);
        m.SetMissingBindRequiredValueAccessor(_ => t["Binding_Required"]);
        m.SetMissingKeyOrValueAccessor(() => t["Binding_Required"]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => t["Binding_Required"]);
    }
}
