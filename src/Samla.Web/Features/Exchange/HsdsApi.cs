using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;
using Samla.Web.Features.Search;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Exchange;

/// <summary>The HSDS 3 read API under /api/hsds/ (DESIGN.md "Fixed interfaces", PROFILE.md). Public services only.</summary>
public static partial class HsdsApi
{
    public const int DefaultPerPage = 50;
    public const int MaxPerPage = 500;
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static void MapHsdsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hsds").WithTags("HSDS").RequireCors(Policies.OpenRead);
        api.MapGet("/", (HttpContext http) => TypedResults.Json(new HsdsVersionInfo
        {
            Profile = HsdsJson.Profile,
            OpenApiUrl = $"{http.Request.Scheme}://{http.Request.Host}/openapi/v1.json",
        }, HsdsJson.Options)).WithName("HsdsVersion").Produces<HsdsVersionInfo>();
        api.MapGet("/services", ListServices).WithName("HsdsServices").CacheOutput(ServiceSearch.OutputCachePolicy).Produces<HsdsPage<HsdsService>>()
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/services/{id}", GetService).WithName("HsdsService").Produces<HsdsService>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/organizations", ListOrganizations).WithName("HsdsOrganizations").Produces<HsdsPage<HsdsOrganization>>().ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/organizations/{id}", GetOrganization).WithName("HsdsOrganization").Produces<HsdsOrganization>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/taxonomies", ListTaxonomies).WithName("HsdsTaxonomies").Produces<HsdsPage<HsdsTaxonomy>>().ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/taxonomies/{id}", GetTaxonomy).WithName("HsdsTaxonomy").Produces<HsdsTaxonomy>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/taxonomy_terms", ListTaxonomyTerms).WithName("HsdsTaxonomyTerms").Produces<HsdsPage<HsdsTaxonomyTerm>>().ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/taxonomy_terms/{id}", GetTaxonomyTerm).WithName("HsdsTaxonomyTerm").Produces<HsdsTaxonomyTerm>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/service_at_locations", ListServiceAtLocations).WithName("HsdsServiceAtLocations").Produces<HsdsPage<HsdsServiceAtLocation>>().ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/service_at_locations/{id}", GetServiceAtLocation).WithName("HsdsServiceAtLocation").Produces<HsdsServiceAtLocation>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The reader's content language: `lang`, else the first Accept-Language tag; null for Swedish.</summary>
    public static string? ContentLanguage(HttpRequest request)
    {
        var lang = request.Query["lang"].FirstOrDefault()
            ?? request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).FirstOrDefault()?.Value.Value;
        if (string.IsNullOrWhiteSpace(lang)) return null;
        lang = lang.Split('-')[0].ToLowerInvariant();
        return lang == "sv" ? null : lang;
    }

    /// <summary>
    /// Free-text filter in the database: a case-insensitive substring match on name and description. Used
    /// where the search engine cannot answer alone (combined with taxonomy_term_id, organization_id,
    /// modified_after, or ndjson) and for organisations.
    /// </summary>
#pragma warning disable CA1304 // string.ToLower() in a query is SQL lower(); no .NET culture is involved.
    public static IQueryable<Service> ApplyTextSearch(IQueryable<Service> services, string text)
    {
        var pattern = "%" + EscapeLike(text.Trim().ToLower(CultureInfo.InvariantCulture)) + "%";
        return services.Where(s => EF.Functions.Like(s.Name.ToLower(), pattern) || EF.Functions.Like(s.Description.ToLower(), pattern));
    }

    private static IQueryable<Organization> ApplyTextSearch(IQueryable<Organization> organizations, string text)
    {
        var pattern = "%" + EscapeLike(text.Trim().ToLower(CultureInfo.InvariantCulture)) + "%";
        return organizations.Where(o => EF.Functions.Like(o.Name.ToLower(), pattern) || EF.Functions.Like(o.Description.ToLower(), pattern));
    }
#pragma warning restore CA1304

    private static string EscapeLike(string text) =>
        text.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);

    private static async Task<Results<JsonHttpResult<HsdsPage<HsdsService>>, PushStreamHttpResult, ProblemHttpResult>> ListServices(
        SamlaDbContext db, ServiceSearch engine, HsdsServiceCache serviceCache, TermCatalogCache termCatalog, HttpRequest request, CancellationToken ct,
        string? search, Guid? taxonomy_term_id, Guid? organization_id, DateTime? modified_after,
        [FromQuery] string[]? municipality, string? target_group, string? layer, string? language, string? format,
        int page = 1, int per_page = DefaultPerPage)
    {
        if (PagingProblem(page, per_page) is { } problem) return problem;
        var catalog = await termCatalog.GetAsync(ct);
        if (await FilterProblemAsync(db, catalog, format, municipality, target_group, layer, language, taxonomy_term_id, organization_id, ct) is { } bad) return bad;
        var ndjson = string.Equals(format, "ndjson", StringComparison.OrdinalIgnoreCase);
        var engineFilters = !string.IsNullOrWhiteSpace(search) || municipality is { Length: > 0 } || !string.IsNullOrWhiteSpace(target_group)
            || !string.IsNullOrWhiteSpace(layer) || !string.IsNullOrWhiteSpace(language);
        if (engineFilters && !ndjson && taxonomy_term_id is null && organization_id is null && modified_after is null)
        {
            // Free text and the profile's filters go through the same Swedish-aware engine as the search page
            // (stemming, å/ä/ö, typos; ranked by relevance, else by name), so the answer may be output-cached with it.
            // The engine pages at most SearchPageLimit hits at a time: a larger page is put together from its pages, so
            // every page size gives the same total and the same services.
            SearchStages.BeginAnswer(request.HttpContext, api: true);
            var stage = System.Diagnostics.Stopwatch.GetTimestamp();
            var query0 = new SearchRequest
            {
                Text = search,
                Municipalities = SplitCodes(municipality),
                TargetGroups = string.IsNullOrWhiteSpace(target_group) ? [] : [target_group.Trim()],
                Layers = string.IsNullOrWhiteSpace(layer) ? [] : [layer.Trim()],
                Languages = string.IsNullOrWhiteSpace(language) ? [] : [language.Trim().ToLowerInvariant()],
                PageSize = SearchPageLimit,
                CountFacets = false,
            };
            SearchStages.Add(SearchStage.Parse, ref stage);
            var offset = (long)(page - 1) * per_page;
            var ids = new List<Guid>(Math.Min(per_page, SearchPageLimit));
            var engineTotal = 0;
            var allWords = true;
            if (per_page <= SearchPageLimit)
            {
                var result = await engine.SearchAsync(query0 with { Page = page, PageSize = per_page }, ct);
                ids.AddRange(result.ServiceIds);
                engineTotal = result.Total;
                allWords = result.AllWords;
            }
            else
            {
                for (var enginePage = (int)(offset / SearchPageLimit) + 1; ; enginePage++)
                {
                    var chunk = await engine.SearchAsync(query0 with { Page = enginePage }, ct);
                    var chunkIds = chunk.ServiceIds;
                    engineTotal = chunk.Total;
                    allWords = chunk.AllWords;
                    var skip = (int)Math.Max(0, offset - (long)(enginePage - 1) * SearchPageLimit);
                    ids.AddRange(chunkIds.Skip(skip).Take(per_page - ids.Count));
                    if (ids.Count >= per_page || chunkIds.Count < SearchPageLimit || (long)enginePage * SearchPageLimit >= engineTotal) break;
                }
            }
            stage = System.Diagnostics.Stopwatch.GetTimestamp();
            // From memory when every service of the page was read before and has not changed since (HsdsServiceCache: kept as
            // current as the index); the others by primary key alone (the cheapest plan on either database). One that stopped
            // being public since the snapshot was built is left out here, and the snapshot catches up within seconds.
            var found = new Dictionary<Guid, Service>(ids.Count);
            var missing = new List<Guid>();
            foreach (var id in ids)
            {
                if (serviceCache.TryGet(id, out var known)) found[id] = known!;
                else missing.Add(id);
            }
            if (missing.Count > 0)
            {
                var generation = serviceCache.Generation;
                var read = await db.Services.AsNoTracking().Where(s => missing.Contains(s.Id)).Include(s => s.Organization).ToListAsync(ct);
                serviceCache.Keep(read, generation);
                foreach (var service in read) found[service.Id] = service;
            }
            SearchStages.Add(SearchStage.Database, ref stage);
            var options = new HsdsWriteOptions(true, ContentLanguage(request), Nested: false);
            var ranked = ids.Select(found.GetValueOrDefault)
                .Where(s => s is not null && s.IsPublic())
                .Select(s => HsdsMapping.ToHsds(s!, TermCatalog.Empty, options)).ToList();
            var answer = Page(ranked, engineTotal, page, per_page);
            if (query0.HasText)
            {
                // As the search page says "Inga insatser innehåller alla orden; här är de som innehåller flest".
                answer.PartialMatch = !allWords;
                request.HttpContext.Response.Headers[PartialMatchHeader] = allWords ? "false" : "true";
            }
            return TypedResults.Json(answer, HsdsJson.Options);
        }
        // Answered by the database: always current, so not cached.
        if (request.HttpContext.Features.Get<IOutputCacheFeature>() is { } cache) cache.Context.AllowCacheStorage = false;
        var query = db.Services.AsNoTracking().WherePublic();
        if (!string.IsNullOrWhiteSpace(search)) query = ApplyTextSearch(query, search);
        if (taxonomy_term_id is { } termId) query = query.Where(s => s.Attributes.Any(a => a.TaxonomyTermId == termId));
        if (organization_id is { } orgId) query = query.Where(s => s.OrganizationId == orgId);
        if (modified_after is { } after)
        {
            var utc = after.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(after, DateTimeKind.Utc) : after.ToUniversalTime();
            query = query.Where(s => s.LastModified > utc);
        }
        if (municipality is { Length: > 0 })
        {
            var codes = SplitCodes(municipality);
            // As the search engine: a service is in a municipality it serves or where it has a place.
            query = query.Where(s => s.ServiceAreas.Any(a => codes.Contains(a.MunicipalityCode))
                || s.ServiceAtLocations.Any(x => x.Location.MunicipalityCode != null && codes.Contains(x.Location.MunicipalityCode)));
        }
        query = WithTerm(query, ReferenceData.TargetGroups, target_group);
        query = WithTerm(query, ReferenceData.MhpssLayers, layer);
        if (!string.IsNullOrWhiteSpace(language))
        {
            var code = language.Trim().ToLowerInvariant();
            query = query.Where(s => s.Languages.Any(l => l.Code == code));
        }

        var lang = ContentLanguage(request);
        if (ndjson)
        {
            var all = query;
            return TypedResults.Stream(stream => WriteNdjsonAsync(db, all, catalog, new HsdsWriteOptions(true, lang), stream, ct), "application/x-ndjson");
        }

        var total = await query.CountAsync(ct);
        var items = await query.Include(s => s.Organization).OrderBy(s => s.Id).Skip((page - 1) * per_page).Take(per_page).ToListAsync(ct);
        var contents = items.Select(s => HsdsMapping.ToHsds(s, TermCatalog.Empty, new HsdsWriteOptions(true, lang, Nested: false))).ToList();
        return TypedResults.Json(Page(contents, total, page, per_page), HsdsJson.Options);
    }

    /// <summary>Streams services in id order, a thousand at a time, so memory stays flat for any number of services.</summary>
    public static async Task WriteNdjsonAsync(SamlaDbContext db, IQueryable<Service> query, TermCatalog terms, HsdsWriteOptions options, Stream stream, CancellationToken ct)
    {
        await foreach (var batch in query.InBatchesAsync(db, ct))
        {
            foreach (var s in batch)
            {
                await JsonSerializer.SerializeAsync(stream, HsdsMapping.ToHsds(s, terms, options), HsdsJson.Options, ct);
                await stream.WriteAsync(NewLine, ct);
            }
            await stream.FlushAsync(ct);
        }
    }

    /// <summary>
    /// Response header beside <c>x_partial_match</c> on an engine-answered <c>/services?search=…</c>: "true" when no service
    /// contains every word and the best partial matches are listed, "false" when every listed service contains them all.
    /// </summary>
    public const string PartialMatchHeader = "Samla-Partial-Match";

    /// <summary>The search engine pages at most this many hits at a time; larger pages are put together from its pages.</summary>
    private const int SearchPageLimit = 100;

    private static List<string> SplitCodes(string[]? values) =>
        (values ?? []).SelectMany(m => m.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();

    /// <summary>As the search engine: a term matches the services tagged with it or with a term below it.</summary>
    private static IQueryable<Service> WithTerm(IQueryable<Service> query, string taxonomy, string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return query;
        var c = code.Trim();
        return query.Where(s => s.Attributes.Any(a => a.TaxonomyTerm.Taxonomy.Name == taxonomy
            && (a.TaxonomyTerm.Code == c
                || (a.TaxonomyTerm.Parent != null && (a.TaxonomyTerm.Parent.Code == c
                    || (a.TaxonomyTerm.Parent.Parent != null && a.TaxonomyTerm.Parent.Parent.Code == c))))));
    }

    private static async Task<Results<JsonHttpResult<HsdsService>, ProblemHttpResult>> GetService(
        Guid id, SamlaDbContext db, TermCatalogCache termCatalog, HttpRequest request, CancellationToken ct)
    {
        var service = await db.Services.AsNoTracking().WherePublic().Where(s => s.Id == id).WithGraph().FirstOrDefaultAsync(ct);
        if (service is null) return NotFoundProblem("service", id);
        var key = id.ToString();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Service) && a.EntityId == key)
            .OrderBy(a => a.Id).ToListAsync(ct);
        var terms = await termCatalog.GetAsync(ct);
        return TypedResults.Json(HsdsMapping.ToHsds(service, terms, new HsdsWriteOptions(true, ContentLanguage(request)), audit), HsdsJson.Options);
    }

    private static async Task<Results<JsonHttpResult<HsdsPage<HsdsOrganization>>, ProblemHttpResult>> ListOrganizations(
        SamlaDbContext db, HttpRequest request, CancellationToken ct, string? search, int page = 1, int per_page = DefaultPerPage)
    {
        if (PagingProblem(page, per_page) is { } problem) return problem;
        var query = db.Organizations.AsNoTracking().WherePublic();
        if (!string.IsNullOrWhiteSpace(search))
        {
            query = ApplyTextSearch(query, search);
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(o => o.Id).Skip((page - 1) * per_page).Take(per_page).ToListAsync(ct);
        var options = new HsdsWriteOptions(true, ContentLanguage(request), Nested: false);
        return TypedResults.Json(Page(items.Select(o => HsdsMapping.ToHsds(o, options)).ToList(), total, page, per_page), HsdsJson.Options);
    }

    /// <summary>
    /// The organisation with its public services, streamed: the organisation is written first, then its services are read and
    /// written a thousand at a time in id order, so memory stays flat for an organisation with any number of services.
    /// </summary>
    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> GetOrganization(
        Guid id, SamlaDbContext db, HttpRequest request, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().WherePublic().Where(o => o.Id == id)
            .Include(o => o.Contacts).ThenInclude(c => c.Phones).Include(o => o.Phones).AsSplitQuery().FirstOrDefaultAsync(ct);
        if (org is null) return NotFoundProblem("organization", id);
        var lang = ContentLanguage(request);
        var head = JsonSerializer.SerializeToUtf8Bytes(HsdsMapping.ToHsds(org, new HsdsWriteOptions(true, lang)), HsdsJson.Options);
        var services = db.Services.AsNoTracking().WherePublic().Where(s => s.OrganizationId == id);
        var options = new HsdsWriteOptions(true, lang, Nested: false);
        return TypedResults.Stream(async stream =>
        {
            await stream.WriteAsync(head.AsMemory(0, head.Length - 1), ct); // all but the closing brace
            var first = true;
            await foreach (var batch in services.InBatchesAsync(db, withGraph: false, ct))
            {
                foreach (var s in batch)
                {
                    await stream.WriteAsync(first ? ServicesOpen : Comma, ct);
                    first = false;
                    await JsonSerializer.SerializeAsync(stream, HsdsMapping.ToHsds(s, TermCatalog.Empty, options), HsdsJson.Options, ct);
                }
                await stream.FlushAsync(ct);
            }
            await stream.WriteAsync(first ? CloseObject : CloseArrayAndObject, ct);
        }, "application/json; charset=utf-8");
    }

    private static readonly byte[] ServicesOpen = ",\"services\":["u8.ToArray();
    private static readonly byte[] Comma = ","u8.ToArray();
    private static readonly byte[] CloseObject = "}"u8.ToArray();
    private static readonly byte[] CloseArrayAndObject = "]}"u8.ToArray();

    private static async Task<Results<JsonHttpResult<HsdsTaxonomy>, ProblemHttpResult>> GetTaxonomy(Guid id, SamlaDbContext db, CancellationToken ct)
    {
        var taxonomy = await db.Taxonomies.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (taxonomy is null) return NotFoundProblem("taxonomy", id);
        return TypedResults.Json(HsdsMapping.ToHsds(taxonomy), HsdsJson.Options);
    }

    private static async Task<Results<JsonHttpResult<HsdsTaxonomyTerm>, ProblemHttpResult>> GetTaxonomyTerm(
        Guid id, TermCatalogCache termCatalog, HttpRequest request, CancellationToken ct)
    {
        var term = (await termCatalog.GetAsync(ct)).Find(id);
        if (term is null) return NotFoundProblem("taxonomy_term", id);
        var dto = HsdsMapping.ToHsds(term, ContentLanguage(request));
        dto.TaxonomyDetail = HsdsMapping.ToHsds(term.Taxonomy);
        return TypedResults.Json(dto, HsdsJson.Options);
    }

    private static async Task<Results<JsonHttpResult<HsdsPage<HsdsTaxonomy>>, ProblemHttpResult>> ListTaxonomies(
        SamlaDbContext db, CancellationToken ct, int page = 1, int per_page = DefaultPerPage)
    {
        if (PagingProblem(page, per_page) is { } problem) return problem;
        var total = await db.Taxonomies.CountAsync(ct);
        var items = await db.Taxonomies.AsNoTracking().OrderBy(t => t.Id).Skip((page - 1) * per_page).Take(per_page).ToListAsync(ct);
        return TypedResults.Json(Page(items.Select(HsdsMapping.ToHsds).ToList(), total, page, per_page), HsdsJson.Options);
    }

    private static async Task<Results<JsonHttpResult<HsdsPage<HsdsTaxonomyTerm>>, ProblemHttpResult>> ListTaxonomyTerms(
        SamlaDbContext db, HttpRequest request, CancellationToken ct, Guid? taxonomy_id, int page = 1, int per_page = DefaultPerPage)
    {
        if (PagingProblem(page, per_page) is { } problem) return problem;
        if (taxonomy_id is { } known && !await db.Taxonomies.AnyAsync(t => t.Id == known, ct))
        {
            return ApiProblems.Bad("Unknown taxonomy_id", $"There is no taxonomy with id {known}; GET /api/hsds/taxonomies lists them.");
        }
        var query = db.TaxonomyTerms.AsNoTracking().Include(t => t.Taxonomy).AsQueryable();
        if (taxonomy_id is { } tid) query = query.Where(t => t.TaxonomyId == tid);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(t => t.Id).Skip((page - 1) * per_page).Take(per_page).ToListAsync(ct);
        var lang = ContentLanguage(request);
        return TypedResults.Json(Page(items.Select(t => HsdsMapping.ToHsds(t, lang)).ToList(), total, page, per_page), HsdsJson.Options);
    }

    private static async Task<Results<JsonHttpResult<HsdsPage<HsdsServiceAtLocation>>, ProblemHttpResult>> ListServiceAtLocations(
        SamlaDbContext db, CancellationToken ct, Guid? service_id, Guid? location_id, int page = 1, int per_page = DefaultPerPage)
    {
        if (PagingProblem(page, per_page) is { } problem) return problem;
        var publicIds = db.Services.WherePublic().Select(s => s.Id);
        if (service_id is { } knownService && !await publicIds.AnyAsync(s => s == knownService, ct))
        {
            return ApiProblems.Bad("Unknown service_id", $"There is no public service with id {knownService}.");
        }
        if (location_id is { } knownLocation && !await db.Locations.AnyAsync(l => l.Id == knownLocation, ct))
        {
            return ApiProblems.Bad("Unknown location_id", $"There is no location with id {knownLocation}.");
        }
        var query = db.ServiceAtLocations.AsNoTracking().Where(x => publicIds.Contains(x.ServiceId));
        if (service_id is { } sid) query = query.Where(x => x.ServiceId == sid);
        if (location_id is { } lid) query = query.Where(x => x.LocationId == lid);
        var total = await query.CountAsync(ct);
        var items = await query.Include(x => x.Location).ThenInclude(l => l.Addresses)
            .OrderBy(x => x.Id).Skip((page - 1) * per_page).Take(per_page).ToListAsync(ct);
        return TypedResults.Json(Page(items.Select(x => HsdsMapping.ToHsds(x, null)).ToList(), total, page, per_page), HsdsJson.Options);
    }

    private static async Task<Results<JsonHttpResult<HsdsServiceAtLocation>, ProblemHttpResult>> GetServiceAtLocation(
        Guid id, SamlaDbContext db, TermCatalogCache termCatalog, HttpRequest request, CancellationToken ct)
    {
        var publicIds = db.Services.WherePublic().Select(s => s.Id);
        var sal = await db.ServiceAtLocations.AsNoTracking().Where(x => x.Id == id && publicIds.Contains(x.ServiceId))
            .Include(x => x.Location).ThenInclude(l => l.Addresses).Include(x => x.Service).ThenInclude(s => s.Organization)
            .FirstOrDefaultAsync(ct);
        if (sal is null) return NotFoundProblem("service_at_location", id);
        var terms = await termCatalog.GetAsync(ct);
        var service = HsdsMapping.ToHsds(sal.Service, terms, new HsdsWriteOptions(true, ContentLanguage(request), Nested: false));
        return TypedResults.Json(HsdsMapping.ToHsds(sal, service), HsdsJson.Options);
    }

    private static HsdsPage<T> Page<T>(List<T> contents, int total, int page, int perPage)
    {
        var pages = (total + perPage - 1) / perPage;
        return new HsdsPage<T>
        {
            TotalItems = total, TotalPages = pages, PageNumber = page, Size = contents.Count,
            FirstPage = page == 1, LastPage = page >= pages, Empty = contents.Count == 0, Contents = contents,
        };
    }

    private static ProblemHttpResult? PagingProblem(int page, int perPage)
    {
        if (page < 1) return ApiProblems.Bad("Invalid page", $"page must be 1 or more; {page} is not.");
        if (perPage < 1 || perPage > MaxPerPage) return ApiProblems.Bad("Invalid per_page", FormattableString.Invariant($"per_page must be from 1 to {MaxPerPage}; {perPage} is not."));
        if ((long)(page - 1) * perPage > int.MaxValue)
        {
            return ApiProblems.Bad("Invalid page", FormattableString.Invariant($"page {page} is far beyond the last page; ask for a page up to {int.MaxValue / perPage}."));
        }
        return null;
    }

    /// <summary>A filter value the API does not know is an error, not a silently empty list.</summary>
    private static async Task<ProblemHttpResult?> FilterProblemAsync(SamlaDbContext db, TermCatalog terms, string? format, string[]? municipality, string? targetGroup,
        string? layer, string? language, Guid? taxonomyTermId, Guid? organizationId, CancellationToken ct)
    {
        if (format is { } f && !f.Equals("ndjson", StringComparison.OrdinalIgnoreCase) && !f.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.Bad("Unknown format", $"format must be json or ndjson; \"{f}\" is neither.");
        }
        // Against SCB's codes in memory (fixed reference data): no database round trip, so a filtered page can still be
        // answered from memory while the database does not answer.
        if (SplitCodes(municipality).FirstOrDefault(c => !ReferenceData.MunicipalityNamesByCode.ContainsKey(c)) is { } unknown)
        {
            return ApiProblems.Bad("Unknown municipality", $"\"{unknown}\" is not a Swedish municipality code (SCB, four digits, for example 1380 for Halmstad).");
        }
        if (!string.IsNullOrWhiteSpace(language) && !LanguageCode().IsMatch(language.Trim()))
        {
            return ApiProblems.Bad("Unknown language", $"language must be an ISO 639 code such as sv, ar, prs or ti; \"{language}\" is not.");
        }
        // Terms from the catalogue in memory: no database round trip.
        ProblemHttpResult? UnknownTerm(string parameter, string taxonomy, string? code)
        {
            if (string.IsNullOrWhiteSpace(code) || terms.Find(taxonomy, code.Trim()) is not null) return null;
            var valid = string.Join(", ", terms.Of(taxonomy).Select(t => t.Code));
            return ApiProblems.Bad($"Unknown {parameter}", $"\"{code}\" is not a code of {taxonomy}; use one of: {valid}.");
        }
        if (UnknownTerm("target_group", ReferenceData.TargetGroups, targetGroup) is { } g) return g;
        if (UnknownTerm("layer", ReferenceData.MhpssLayers, layer) is { } l) return l;
        if (taxonomyTermId is { } termId && terms.Find(termId) is null)
        {
            return ApiProblems.Bad("Unknown taxonomy_term_id", $"There is no taxonomy term with id {termId}; GET /api/hsds/taxonomy_terms lists them.");
        }
        if (organizationId is { } orgId && !await db.Organizations.WherePublic().AnyAsync(o => o.Id == orgId, ct))
        {
            return ApiProblems.Bad("Unknown organization_id", $"There is no active organization with id {orgId}; GET /api/hsds/organizations lists them.");
        }
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial System.Text.RegularExpressions.Regex LanguageCode();

    private static ProblemHttpResult NotFoundProblem(string kind, Guid id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No public {kind} with id {id}.");
}
