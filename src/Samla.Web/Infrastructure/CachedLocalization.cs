using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace Samla.Web.Infrastructure;

/// <summary>
/// The framework's resource-file localization (<see cref="ResourceManagerStringLocalizerFactory"/>), with what it does per
/// use done once: every view and partial resolves its localizers anew, and the framework's factory reads the assembly's
/// attributes by reflection on each <c>Create</c>; every lookup builds a cache-key string and takes the
/// <see cref="System.Resources.ResourceManager"/>'s locks. A search page makes a hundred lookups. Same texts, same fallback:
/// a text is remembered per UI culture and name (the resources are fixed while the app runs), and so is a missing one, up
/// to a bound, so that names made from input cannot grow the cache without limit.
/// </summary>
public static class CachedLocalization
{
    /// <summary>Instead of <c>services.AddLocalization()</c>.</summary>
    public static IServiceCollection AddCachedLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.TryAddSingleton<ResourceManagerStringLocalizerFactory>();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, CachingStringLocalizerFactory>());
        // A typed localizer holds nothing but the factory's localizer for its type: one per type is enough.
        services.Replace(ServiceDescriptor.Singleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>)));
        return services;
    }

    private sealed class CachingStringLocalizerFactory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
    {
        private readonly ConcurrentDictionary<Type, IStringLocalizer> byType = new();
        private readonly ConcurrentDictionary<(string BaseName, string Location), IStringLocalizer> byName = new();

        public IStringLocalizer Create(Type resourceSource) =>
            byType.GetOrAdd(resourceSource, static (type, factory) => new CachingStringLocalizer(factory.Create(type)), inner);

        public IStringLocalizer Create(string baseName, string location) =>
            byName.GetOrAdd((baseName, location), static (key, factory) => new CachingStringLocalizer(factory.Create(key.BaseName, key.Location)), inner);
    }

    private sealed class CachingStringLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        /// <summary>Texts missing are remembered too (a plural asks for "Key_other" first, which most languages lack), up to this many.</summary>
        private const int MaxMissing = 4096;

        private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> found = new();
        private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> missing = new();

        public LocalizedString this[string name]
        {
            get
            {
                ArgumentNullException.ThrowIfNull(name);
                var key = (CultureInfo.CurrentUICulture.Name, name);
                if (found.TryGetValue(key, out var text) || missing.TryGetValue(key, out text)) return text;
                text = inner[name];
                if (!text.ResourceNotFound) found.TryAdd(key, text);
                else if (missing.Count < MaxMissing) missing.TryAdd(key, text);
                return text;
            }
        }

        /// <summary>As <see cref="ResourceManagerStringLocalizer"/>: the text (or the name when missing) formatted with the current culture.</summary>
        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var format = this[name];
                return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
    }
}
