namespace Samla.Web.Data;

/// <summary>The demo organisations and services as data. All names of people, addresses and numbers are fictional.</summary>
public static partial class DemoData
{
    private sealed record OrgDef(string Key, string Name, OrganizationType Type, string? Municipality, string Domain,
        string ProcessLeaderTitle, string Description, string? AlternateName = null);

    /// <summary>
    /// One service. Compact codes: Targets R refugees, N newly-arrived, A asylum-seekers, Q resettled (quota) refugees,
    /// F relatives of newly arrived, U undocumented. Ages c children, y youth, a adults, o older adults.
    /// Access d drop-in, b booking, r referral, o online (only "o" = online only). Areas: HS LA FA VA KU HY or "*" (all six).
    /// Schedule: "TU 13-16", "MO,WE 9-11:30" weekly, "1TH 17-19" first Thursday of the month, null = by appointment.
    /// </summary>
    private sealed record SvcDef(string Org, string Name, string Layer, string Targets, string Activities, string Ages,
        string Access, string Areas, string Languages, string? Schedule, string Description, string Apply,
        string? Fee = null, int? Min = null, int? Max = null, int Capacity = 20, string Status = ServiceStatus.Active,
        bool Draft = false, string? ContactTitle = null);

    private sealed record Town(string Municipality, string Name, string PostalPrefix, double Latitude, double Longitude, string[] Streets);

    private static readonly Dictionary<string, string> MunicipalityCodes = new(StringComparer.Ordinal)
    {
        ["HS"] = "1380", ["LA"] = "1381", ["FA"] = "1382", ["VA"] = "1383", ["KU"] = "1384", ["HY"] = "1315",
    };

    private static readonly string[] AllMunicipalities = ["1380", "1381", "1382", "1383", "1384", "1315"];

    private static readonly Dictionary<string, Town> Towns = new(StringComparer.Ordinal)
    {
        ["1380"] = new("Halmstad", "Halmstad", "302 ", 56.6745, 12.8578, ["Storgatan", "Köpmansgatan", "Brogatan", "Stationsgatan", "Linjegatan"]),
        ["1381"] = new("Laholm", "Laholm", "312 ", 56.5120, 13.0437, ["Storgatan", "Hästtorget", "Skolgatan", "Trädgårdsgatan"]),
        ["1382"] = new("Falkenberg", "Falkenberg", "311 ", 56.9055, 12.4912, ["Nygatan", "Storgatan", "Holgersgatan", "Arvidsgatan"]),
        ["1383"] = new("Varberg", "Varberg", "432 ", 57.1057, 12.2508, ["Kungsgatan", "Västra vallgatan", "Engelbrektsgatan", "Östra Långgatan"]),
        ["1384"] = new("Kungsbacka", "Kungsbacka", "434 ", 57.4872, 12.0761, ["Storgatan", "Kyrkogatan", "Södra Torggatan", "Borgmästaregatan"]),
        ["1315"] = new("Hylte", "Hyltebruk", "314 ", 56.9946, 13.2395, ["Storgatan", "Fabriksgatan", "Skolgatan", "Parkgatan"]),
    };

    private static readonly Dictionary<string, string> TargetCodes = new(StringComparer.Ordinal)
    {
        ["R"] = "refugees", ["N"] = "newly-arrived", ["A"] = "asylum-seekers", ["Q"] = "resettled-refugees",
        ["F"] = "relatives-of-newly-arrived", ["U"] = "undocumented",
    };

    private static readonly Dictionary<string, string> AgeCodes = new(StringComparer.Ordinal)
    {
        ["c"] = "children", ["y"] = "youth", ["a"] = "adults", ["o"] = "older-adults",
    };

    private static readonly Dictionary<string, string> AccessCodes = new(StringComparer.Ordinal)
    {
        ["d"] = "drop-in", ["b"] = "booking", ["r"] = "referral", ["o"] = "online",
    };

    private static readonly Dictionary<string, string> LanguageNames = new(StringComparer.Ordinal)
    {
        ["sv"] = "svenska", ["en"] = "engelska", ["ar"] = "arabiska", ["prs"] = "dari", ["fa"] = "persiska",
        ["ti"] = "tigrinja", ["so"] = "somaliska", ["uk"] = "ukrainska", ["ru"] = "ryska", ["ku"] = "kurdiska",
        ["ps"] = "pashto", ["tr"] = "turkiska",
    };

    private static readonly OrgDef[] OrganizationDefs =
    [
        new("halmstad", "Halmstads kommun", OrganizationType.Municipality, "1380", "halmstad.example", "Processledare integration",
            "Halmstads kommun ansvarar för mottagandet av nyanlända i kommunen, samhällsorientering, skola och socialtjänst. Kommunens integrationsenhet samordnar stödet tillsammans med föreningslivet."),
        new("laholm", "Laholms kommun", OrganizationType.Municipality, "1381", "laholm.example", "Processledare integration",
            "Laholms kommun tar emot nyanlända och erbjuder samhällsorientering, föräldrastöd och mötesplatser. Arbetet sker i nära samverkan med föreningar och studieförbund."),
        new("falkenberg", "Falkenbergs kommun", OrganizationType.Municipality, "1382", "falkenberg.example", "Processledare Hälsa och migration",
            "Falkenbergs kommun erbjuder stöd till nyanlända barn, unga och familjer genom skola, familjecentral och integrationsenhet."),
        new("varberg", "Varbergs kommun", OrganizationType.Municipality, "1383", "varberg.example", "Processledare integration",
            "Varbergs kommun samordnar mottagandet av nyanlända och erbjuder samhällsorientering, föräldrastöd och mötesplatser i flera kommundelar."),
        new("kungsbacka", "Kungsbacka kommun", OrganizationType.Municipality, "1384", "kungsbacka.example", "Processledare integration",
            "Kungsbacka kommun erbjuder nyanlända vägledning, föräldrastöd och stödsamtal. Kommunen samverkar med Frivilligcentralen och studieförbunden."),
        new("hylte", "Hylte kommun", OrganizationType.Municipality, "1315", "hylte.example", "Processledare integration",
            "Hylte kommun är en liten kommun med ett stort mottagande i förhållande till sin storlek. Stödet ges främst i Hyltebruk och Torup."),
        new("region", "Region Halland", OrganizationType.Region, null, "regionhalland.example", "Hälso- och sjukvårdsstrateg, Hälsa och migration",
            "Region Halland ansvarar för hälso- och sjukvården i länet, bland annat hälsoundersökningar, vårdcentraler, barn- och ungdomspsykiatri och vuxenpsykiatri. Regionen är sammankallande för strategin Hälsa och migration i Halland."),
        new("lansstyrelsen", "Länsstyrelsen Halland", OrganizationType.StateAgency, null, "lansstyrelsen-halland.example", "Handläggare integration",
            "Länsstyrelsen Halland samordnar Integration Halland och arbetar för beredskap vid ett stort flyktingmottagande. Länsstyrelsen är sammankallande tillsammans med Region Halland."),
        new("arbetsformedlingen", "Arbetsförmedlingen", OrganizationType.StateAgency, null, "arbetsformedlingen.example", "Processledare etablering",
            "Arbetsförmedlingen ansvarar för etableringsprogrammet för nyanlända. I Halland arbetar myndigheten med att tidigt fånga upp ohälsa hos deltagarna."),
        new("forsakringskassan", "Försäkringskassan", OrganizationType.StateAgency, null, "forsakringskassan.example", "Samverkansansvarig",
            "Försäkringskassan handlägger socialförsäkringar som barnbidrag, föräldrapenning och sjukpenning och informerar nyanlända om deras rättigheter."),
        new("migrationsverket", "Migrationsverket", OrganizationType.StateAgency, null, "migrationsverket.example", "Samverkansansvarig mottagning",
            "Migrationsverket prövar ansökningar om asyl och ansvarar för asylsökandes boende och dagersättning under väntetiden."),
        new("samordningsforbundet", "Samordningsförbundet Halland", OrganizationType.CoordinationAssociation, null, "samordningsforbundet-halland.example", "Förbundschef",
            "Samordningsförbundet Halland finansierar samverkan kring rehabilitering mellan Arbetsförmedlingen, Försäkringskassan, Region Halland och kommunerna."),
        new("rodakorset", "Röda Korset Halland", OrganizationType.NonProfit, "1380", "rodakorset.example", "Verksamhetsutvecklare",
            "Röda Korsets kretsar i Halland driver språkcaféer, läxhjälp och mötesplatser med frivilliga. Röda Korset erbjuder också behandling för krigs- och tortyrskadade."),
        new("svk-halmstad", "Svenska kyrkan Halmstad", OrganizationType.NonProfit, "1380", "svenskakyrkan-halmstad.example", "Diakon",
            "Svenska kyrkan i Halmstad har öppna verksamheter, samtal med diakon och läger för familjer. Alla är välkomna oavsett tro."),
        new("svk-varberg", "Svenska kyrkan Varberg", OrganizationType.NonProfit, "1383", "svenskakyrkan-varberg.example", "Diakon",
            "Svenska kyrkan i Varberg erbjuder samtal, samtalsgrupper och mötesplatser för nyanlända och andra som vill träffas."),
        new("raddabarnen", "Rädda Barnen Halland", OrganizationType.NonProfit, null, "raddabarnen.example", "Verksamhetsutvecklare",
            "Rädda Barnen arbetar för barns rättigheter och erbjuder stressreducerande gruppverksamhet för barn och utbildning för personal som möter barn på flykt."),
        new("abf", "ABF Halland", OrganizationType.NonProfit, null, "abf-halland.example", "Verksamhetsutvecklare integration",
            "ABF Halland är ett studieförbund som ordnar studiecirklar i svenska, föräldraskap och hälsa i hela länet."),
        new("sv", "Studieförbundet Vuxenskolan Halland", OrganizationType.NonProfit, null, "sv-halland.example", "Verksamhetsutvecklare",
            "Studieförbundet Vuxenskolan erbjuder studiecirklar och kurser för nyanlända, bland annat Förälder i Sverige och Svenska från dag ett.", "SV Halland"),
        new("sensus", "Sensus Halland", OrganizationType.NonProfit, "1384", "sensus.example", "Verksamhetsutvecklare",
            "Sensus är ett studieförbund med samtalsgrupper, musik och skapande. I Halland finns verksamhet främst i Kungsbacka och Varberg."),
        new("medborgarskolan", "Medborgarskolan Halland", OrganizationType.NonProfit, null, "medborgarskolan.example", "Verksamhetsutvecklare",
            "Medborgarskolan är ett studieförbund som ordnar kurser och cirklar om hälsa, friskvård och samhälle."),
        new("folkuniversitetet", "Folkuniversitetet Halmstad", OrganizationType.NonProfit, "1380", "folkuniversitetet.example", "Verksamhetsutvecklare",
            "Folkuniversitetet erbjuder språkkurser och kurser i stresshantering, bland annat för personer som flytt från Ukraina."),
        new("rfsisu", "RF-SISU Halland", OrganizationType.NonProfit, null, "rfsisu-halland.example", "Idrottskonsulent integration",
            "RF-SISU Halland stödjer idrottsföreningarna i länet. Genom prova-på-aktiviteter och ledarutbildning blir det lättare för nyanlända att börja idrotta."),
        new("ibnrushd", "Ibn Rushd Halland", OrganizationType.NonProfit, "1380", "ibnrushd.example", "Verksamhetsutvecklare",
            "Ibn Rushd är ett studieförbund som ordnar föräldraträffar och samtalscirklar, ofta på arabiska och somaliska."),
        new("bilda", "Bilda Halland", OrganizationType.NonProfit, null, "bilda.example", "Verksamhetsutvecklare",
            "Bilda är ett studieförbund som samarbetar med frikyrkor och föreningar. I Halland finns sångcaféer och samtalsgrupper."),
        new("studieframjandet", "Studiefrämjandet Halland", OrganizationType.NonProfit, null, "studieframjandet.example", "Verksamhetsutvecklare",
            "Studiefrämjandet ordnar cirklar om natur, friluftsliv och kultur, bland annat naturpromenader för nyanlända."),
        new("frivilligcentralen", "Frivilligcentralen Kungsbacka", OrganizationType.NonProfit, "1384", "frivilligcentralen-kungsbacka.example", "Samordnare frivilliga",
            "Frivilligcentralen förmedlar frivilliga insatser i Kungsbacka, till exempel språkvänner och träffar för äldre."),
        new("hylte-tillsammans", "Föreningen Hylte Tillsammans", OrganizationType.NonProfit, "1315", "hyltetillsammans.example", "Ordförande",
            "En ideell förening i Hyltebruk som driver en mötesplats och en kvinnogrupp tillsammans med kommunen."),
    ];

    private static readonly Dictionary<string, OrgDef> OrgDefsByKey = OrganizationDefs.ToDictionary(o => o.Key, StringComparer.Ordinal);

    private static IEnumerable<SvcDef> ServiceDefs()
    {
        // The same four kinds of support in every municipality, with local details and some realistic gaps.
        foreach (var (org, area, town, library, asylum) in new[]
        {
            ("halmstad", "HS", "Halmstad", "Stadsbiblioteket", true),
            ("laholm", "LA", "Laholm", "Laholms bibliotek", true),
            ("falkenberg", "FA", "Falkenberg", "Falkenbergs bibliotek", true),
            ("varberg", "VA", "Varberg", "Stadsbiblioteket i Varberg", true),
            ("kungsbacka", "KU", "Kungsbacka", "Kungsbacka bibliotek", false),
            ("hylte", "HY", "Hylte", "Hylte bibliotek", false),
        })
        {
            var undocumented = area == "LA" ? "" : " U";
            yield return new(org, "Samhällsorientering med hälsa (SHO+)", "1", "R N Q F", "health-communication information", "a", "r", area,
                "sv ar prs ti so uk", "MO,WE 9-12",
                $"Samhällsorientering för nyanlända i {town} med extra fokus på hälsa, egenvård och hur vården fungerar i Sverige. Kursen ges på modersmålet av samhälls- och hälsokommunikatörer.",
                "Du anmäls via din handläggare på Arbetsförmedlingen eller kommunens integrationsenhet.", Min: 18, Capacity: 25,
                ContactTitle: "Samhällskommunikatör");
            yield return new(org, $"Språkcafé på {library}", "2", "R N A Q F" + undocumented, "social-networks meeting-places", "y a o", "d", area,
                "sv en ar", area == "HY" ? "WE 16-18" : "TU 17-19",
                $"Öva svenska under avslappnade former tillsammans med andra. Frivilliga samtalsledare finns på plats och fikat är gratis. Ingen anmälan behövs.",
                "Kom när du vill under öppettiderna.", Capacity: 30, ContactTitle: "Bibliotekarie");
            yield return new(org, "Läxhjälp för barn och unga", "2", "R N A Q F", "education-support social-networks", "c y", "d", area,
                "sv ar so en", "MO,TH 15-17",
                $"Läxhjälp med frivilliga och lärarstudenter på biblioteket i {town}. Barn och unga får stöd i alla ämnen och ett lugnt ställe att plugga på.",
                "Ingen anmälan, kom direkt efter skolan.", Min: 7, Max: 18, Capacity: 25);
            yield return new(org, "Elevhälsa för nyanlända elever", "3", asylum ? "R N A Q F" : "R N Q F",
                "education-support clinical-non-specialised support-conversations", "c y", "r b", area, "sv ar prs so ti",
                null,
                "Skolsköterska, kurator och psykolog i elevhälsan erbjuder hälsosamtal och stödsamtal till nyanlända elever. Vid behov används tolk, och eleven kan hänvisas vidare till barn- och ungdomspsykiatrin.",
                "Kontakta elevhälsan på din skola eller be din mentor om hjälp.", Min: 6, Max: 19, Capacity: 15, ContactTitle: "Skolkurator");
        }

        // Halmstads kommun
        yield return new("halmstad", ParentingSupportHalmstadName, "2", "R N A Q F", "parenting-support community-family-support", "a", "b", "HS",
            "sv ar prs so ti", "TU 17:30-19:30",
            "**Älskade barn** är ett föräldrastöd i grupp för föräldrar med barn i alla åldrar. Under sex träffar pratar vi om barns behov, samspel i familjen och att vara förälder i ett nytt land. Gruppledarna är utbildade och tolk finns på flera språk.",
            "Anmäl dig till familjecentralen via telefon eller e-post. Nya grupper startar i februari och september.",
            Min: 18, Capacity: 14, ContactTitle: "Familjebehandlare");
        yield return new("halmstad", "Stödsamtal på integrationsenheten", "3", "R N Q F", "support-conversations person-focused-psychosocial", "a o", "b r", "HS",
            "sv ar prs ti so uk", null,
            "Enskilda stödsamtal för vuxna nyanlända som känner oro, sover dåligt eller har svårt att komma till ro. Samtalen leds av socionomer med utbildning i psykologisk första hjälpen.",
            "Boka tid själv eller via din etableringshandläggare. Tolk bokas av oss.", Min: 18, Capacity: 10, ContactTitle: "Socionom");
        yield return new("halmstad", "Mötesplats Familjecentralen", "2", "R N A Q F U", "meeting-places parenting-support", "c a", "d", "HS",
            "sv ar so", "WE,FR 9-12",
            "Öppen förskola för föräldrar och barn 0–5 år med sång, lek och fika. Barnmorska och BVC-sjuksköterska finns på plats varannan vecka.",
            "Kom när du vill under öppettiderna.", Max: 5, Capacity: 40);
        yield return new("halmstad", "Kvinnogrupp – prata, promenera, må bra", "2", "R N A Q F", "social-networks stress-reduction", "a o", "d", "HS",
            "sv ar ti so", "TH 10-12",
            "En grupp för kvinnor som vill träffa andra, promenera och prata om hälsa och vardag. Ibland kommer gäster från vårdcentralen och tandvården.",
            "Kom direkt, ingen anmälan.", Min: 18, Capacity: 20);
        yield return new("halmstad", "Ensamkommande unga – samtalsgrupp", "3", "R N Q", "support-conversations stress-reduction", "y a", "r", "HS",
            "sv prs ps ti so", "MO 16-17:30",
            "Samtalsgrupp för ensamkommande unga om sömn, stress och framtidsplaner. Gruppen leds av två kuratorer och pågår under tio veckor.",
            "Hänvisning via socialsekreterare eller skolkurator.", Min: 15, Max: 21, Capacity: 8, Draft: true);

        // Laholms kommun
        yield return new("laholm", "Förälder i Sverige", "2", "R N Q F", "parenting-support", "a", "b", "LA",
            "sv ar prs so", "WE 13-15",
            "Föräldrastödsprogram för nyanlända föräldrar om barns utveckling, skolan och föräldraskap i Sverige. Programmet omfattar åtta träffar med tolk.",
            "Anmälan till integrationsenheten eller via SFI.", Min: 18, Capacity: 12);
        yield return new("laholm", "Träffpunkt Laholm", "2", "R N A Q F", "meeting-places social-networks", "c y a o", "d", "LA",
            "sv ar ti", "TH 14-18",
            "En öppen mötesplats i centrala Laholm där nyanlända och Laholmsbor träffas över fika, spel och samtal. Här finns också hjälp med blanketter och kontakt med myndigheter.",
            "Kom när du vill.", Capacity: 35);

        // Falkenbergs kommun
        yield return new("falkenberg", "Älskade barn – föräldragrupp", "2", "R N A Q F", "parenting-support", "a", "b", "FA",
            "sv ar so", "MO 17-19",
            "Föräldragrupp i sex träffar med samtal om barns behov och föräldraskap. Gruppen hålls på familjecentralen och tolk finns.",
            "Anmäl dig till familjecentralen.", Min: 18, Capacity: 12);
        yield return new("falkenberg", "Stödsamtal för unga nyanlända", "3", "R N A Q", "support-conversations", "y", "b r", "FA",
            "sv prs ar ti", null,
            "Korta stödsamtal för unga 13–20 år som är nya i Sverige. Samtalen handlar om stress, sömn och relationer och kan leda vidare till ungdomsmottagningen eller BUP.",
            "Boka tid via skolkuratorn eller ring direkt.", Min: 13, Max: 20, Capacity: 8);

        // Varbergs kommun
        yield return new("varberg", "Förälder i Sverige – Varberg", "2", "R N Q F", "parenting-support", "a", "b", "VA",
            "sv ar ti uk", "TU 13-15",
            "Föräldrastödsprogram för föräldrar som är nya i Sverige. Vi pratar om barns rättigheter, skolan och hur man hanterar konflikter i familjen.",
            "Anmäl dig till integrationsenheten.", Min: 18, Capacity: 12);
        yield return new("varberg", "Mötesplats Kulturhuset", "2", "R N A Q F U", "meeting-places social-networks", "y a o", "d", "VA",
            "sv ar uk en", "SA 11-14",
            "Lördagsträffar med musik, fika och aktiviteter för hela familjen. Mötesplatsen drivs av kommunen tillsammans med föreningar.",
            "Kom när du vill.", Capacity: 50, Status: ServiceStatus.TemporarilyClosed);
        yield return new("varberg", "Vägledning för nyanlända i Varberg", "1", "N Q F R", "information", "a o", "d b", "VA",
            "sv ar prs ti so uk", "MO,WE,FR 9-12",
            "Personlig vägledning om bostad, skola, vård och myndigheter. Vägledarna hjälper dig att hitta rätt och kan boka tolk.",
            "Drop-in eller boka tid via telefon.", Min: 18, Capacity: 40);

        // Kungsbacka kommun
        yield return new("kungsbacka", "Älskade barn i Kungsbacka", "2", "R N Q F", "parenting-support", "a", "b", "KU",
            "sv ar prs", "WE 17-19",
            "Föräldrastöd i grupp enligt Älskade barn för föräldrar med barn 0–18 år. Träffarna ger tid att dela erfarenheter med andra föräldrar.",
            "Anmälan via Familjecentralen Kungsbacka.", Min: 18, Capacity: 12);
        yield return new("kungsbacka", "Stödsamtal via socialtjänsten", "3", "R N Q F", "support-conversations", "a", "b", "KU",
            "sv ar prs ru", null,
            "Enskilda stödsamtal för vuxna nyanlända i en svår livssituation. Samtalen är kostnadsfria och kan ske med tolk.",
            "Kontakta socialtjänstens mottagning.", Min: 18, Capacity: 8);
        yield return new("kungsbacka", "Välkomstträffar för nyanlända", "1", "N Q F", "information meeting-places", "a o", "d", "KU",
            "sv ar uk", "1TH 17-19",
            "En gång i månaden bjuder kommunen in nyanlända till information om kommunens verksamheter, föreningsliv och vård. Myndigheter och föreningar finns på plats.",
            "Kom när du vill.", Capacity: 60);

        // Hylte kommun (no focused layer-3 support for asylum seekers here: a realistic gap)
        yield return new("hylte", "Förälder i Sverige – Hyltebruk", "2", "R N A Q F", "parenting-support", "a", "b", "HY",
            "sv ar so ti", "TH 13-15",
            "Föräldrastödsprogram i åtta träffar för föräldrar som är nya i Sverige. Programmet hålls på familjecentralen i Hyltebruk.",
            "Anmäl dig till integrationssamordnaren.", Min: 18, Capacity: 10);
        yield return new("hylte", "Hälsoskola för nyanlända", "1", "N Q F", "health-communication", "a o", "d", "HY",
            "sv ar ti so", "1TU 13-15",
            "Träffar om kost, sömn, motion och var man vänder sig för vård. Hälsokommunikatörer från Region Halland medverkar.",
            "Kom när du vill.", Min: 18, Capacity: 20);

        // Region Halland
        yield return new("region", "Hälsoundersökning för asylsökande och nyanlända", "1", "A N Q F R", "health-examination clinical-non-specialised", "c y a o", "b r", "*",
            "sv ar prs fa ti so uk ru ku ps", null,
            "Alla asylsökande och nyanlända erbjuds en kostnadsfri hälsoundersökning. Undersökningen omfattar samtal om fysisk och psykisk hälsa, provtagning och vaccinationer, och sker med tolk.",
            "Du får en kallelse per brev. Du kan också ringa och boka tid själv.", Capacity: 80, ContactTitle: "Sjuksköterska, hälsoundersökning");
        yield return new("region", "Hälsokommunikatörer – hälsoinformation på ditt språk", "1", "R N A Q F", "health-communication information", "a o", "d", "*",
            "ar prs ti so uk ku", "TU,TH 10-12",
            "Region Hallands hälsokommunikatörer informerar om hälsa, vård och egenvård på modersmålet. De besöker SFI, boenden och föreningar i hela länet.",
            "Besök en öppen träff eller be din SFI-lärare boka ett besök.", Capacity: 100, ContactTitle: "Hälsokommunikatör");
        yield return new("region", "Vård för papperslösa – vård som inte kan anstå", "1", "U A", "clinical-non-specialised", "c y a o", "b", "HS FA VA KU HY",
            "sv ar en fa", null,
            "Personer som vistas i Sverige utan tillstånd har rätt till vård som inte kan anstå, mödrahälsovård och preventivmedelsrådgivning. Barn har rätt till samma vård som andra barn.",
            "Ring vårdcentralen och säg att du saknar personnummer. Du behöver inte visa id.",
            Fee: "50 kronor per besök för vuxna; kostnadsfritt för barn.", Capacity: 30);
        yield return new("region", "Psykosocial mottagning på vårdcentral", "3", "R N Q F", "support-conversations psychological-intervention", "a o", "b r", "*",
            "sv ar prs ti so", null,
            "Kuratorer och psykologer på vårdcentralerna erbjuder stödsamtal och korta behandlingar vid oro, nedstämdhet och sömnproblem. Tolk bokas av vårdcentralen.",
            "Kontakta din vårdcentral via 1177 eller telefon.", Fee: "Ordinarie patientavgift för vuxna enligt Region Hallands taxa.", Min: 18, Capacity: 40);
        yield return new("region", "BUP Halland – transkulturellt team", "4", "R N A Q F", "clinical-specialised psychological-intervention", "c y", "r", "*",
            "sv ar prs ti so ps", null,
            "Specialiserad barn- och ungdomspsykiatri för barn och unga med traumarelaterade besvär. Teamet arbetar med tolk och involverar hela familjen.",
            "Remiss från elevhälsa, vårdcentral eller socialtjänst. Vårdnadshavare kan också ringa BUP direkt.", Max: 17, Capacity: 12,
            ContactTitle: "Mottagningssekreterare");
        yield return new("region", "Vuxenpsykiatrin – traumamottagning", "4", "R N A Q", "clinical-specialised", "a o", "r", "*",
            "sv ar prs ti", null,
            "Utredning och behandling för vuxna med svår posttraumatisk stress. Behandlingen ges individuellt eller i grupp, med tolk.",
            "Remiss från vårdcentral eller annan vårdgivare.", Fee: "Ordinarie patientavgift enligt Region Hallands taxa.", Min: 18, Capacity: 10);
        yield return new("region", "Ungdomsmottagningen", "3", "R N Q F", "support-conversations clinical-non-specialised", "y a", "b d", "HS LA FA VA KU",
            "sv ar prs en", "WE 15-18",
            "Ungdomsmottagningen erbjuder samtal om kropp, relationer och psykisk hälsa för unga 13–23 år. Du kan vara anonym.",
            "Drop-in på onsdagar eller boka tid via 1177.", Min: 13, Max: 23, Capacity: 30);
        yield return new("region", "Psykologisk första hjälpen (PFA) – utbildning för personal", "2", "R N A Q F", "capacity-building psychological-first-aid", "a", "b o", "*",
            "sv", "2WE 9-16",
            "Endagsutbildning i psykologisk första hjälpen för personal i kommuner, region och föreningar som möter nyanlända. Utbildningen ges på plats eller digitalt.",
            "Anmälan via Region Hallands kurskalender.", Capacity: 25, ContactTitle: "Utbildningssamordnare");
        yield return new("region", "1177 – hälsoinformation på flera språk", "1", "R N A Q F", "information", "c y a o", "o", "*",
            "sv ar prs ti so uk en", null,
            "Filmer och texter om vården i Sverige på flera språk. Här finns också information om psykisk hälsa och var man får hjälp.",
            "Besök webbplatsen, ingen inloggning behövs.", Capacity: 1000);
        yield return new("region", "Må bra-grupp – stress och sömn", "3", "R N Q F", "stress-reduction psychological-intervention", "a", "r b", "HS VA",
            "ar prs ti", "TH 13-15",
            "Gruppbehandling i åtta träffar för vuxna med stress och sömnproblem. Gruppen leds av psykolog och kurator på modersmålet eller med tolk.",
            "Hänvisning från vårdcentral eller boka själv via 1177.", Fee: "Ordinarie patientavgift enligt Region Hallands taxa.", Min: 18, Capacity: 10);

        // State agencies and Samordningsförbundet
        yield return new("lansstyrelsen", "Nätverket Hälsa och migration i Halland – dialogmöten", "2", "R N A Q F", "community-mobilisation capacity-building", "a", "b", "*",
            "sv", "3TU 9-12",
            "Dialogmöten ungefär två gånger per år för aktörerna i Halland. Vi delar erfarenheter, goda exempel och planerar gemensamt förbättringsarbete.",
            "Inbjudan skickas till processledarna. Andra intresserade kan höra av sig.", Capacity: 80);
        yield return new("lansstyrelsen", "Utbildning: Beredskap vid stort flyktingmottagande", "2", "R A N", "capacity-building mhpss-in-other-sectors", "a", "b o", "*",
            "sv en", null,
            "Utbildning för kommuner och föreningar om psykosociala hänsyn vid ett stort flyktingmottagande. Vi går igenom roller, kontaktvägar och hur man snabbt kraftsamlar.",
            "Anmäl dig via länsstyrelsens kalender.", Capacity: 40, Status: ServiceStatus.Inactive);
        yield return new("arbetsformedlingen", "Kartläggning av hälsa i etableringsprogrammet", "1", "N Q F R", "mhpss-in-other-sectors information", "a", "r", "*",
            "sv ar prs ti so uk", null,
            "Tidigt i etableringsprogrammet får deltagare ett samtal om hälsa och livssituation. Vid behov av stöd hänvisas deltagaren vidare till vården.",
            "Samtalet bokas av din handläggare.", Min: 18, Max: 64, Capacity: 60);
        yield return new("arbetsformedlingen", "Arbetsförberedande insats med hälsofokus", "2", "N Q R", "mhpss-in-other-sectors stress-reduction", "a", "r", "HS VA KU",
            "sv ar ti so", "MO,TU,TH 9-12",
            "En insats som kombinerar arbetsförberedelser med fysisk aktivitet och samtal om stress. Deltagarna får stöd att hitta en hållbar väg till arbete.",
            "Anvisning från din handläggare.", Min: 18, Max: 64, Capacity: 20);
        yield return new("forsakringskassan", "Informationsmöte om föräldrapenning och barnbidrag", "1", "N Q F R", "information", "a", "o b", "*",
            "sv ar prs ti so uk", "2TU 10-11:30",
            "Digitalt informationsmöte om föräldrapenning, barnbidrag och bostadsbidrag för dig som är ny i Sverige. Mötet tolkas till flera språk.",
            "Anmäl dig på webbplatsen.", Capacity: 100);
        yield return new("forsakringskassan", "Personligt möte på servicekontor", "1", "N Q F", "information", "a o", "b", "HS VA",
            "sv ar en", null,
            "Boka ett personligt möte om du behöver hjälp att ansöka om ersättningar. Tolk kan bokas.",
            "Boka tid via telefon.", Capacity: 50);
        yield return new("migrationsverket", "Information om asylprocessen och rätt till vård", "1", "A", "information", "a o", "d b", "HS",
            "sv ar prs fa ti so ru ku ps tr", "MO,TH 9-11",
            "Informationsträffar för asylsökande om asylprocessen, dagersättning och rätten till hälso- och sjukvård och tandvård.",
            "Kom till mottagningsenheten eller boka tid.", Capacity: 60);
        yield return new("migrationsverket", "Psykosocialt stöd på anläggningsboende", "2", "A", "psychological-first-aid safe-spaces", "c y a o", "d", "HS",
            "ar prs ti so ps", "TU,TH 13-16",
            "Personalen på boendet är utbildad i psykologisk första hjälpen och ordnar aktiviteter för barn och vuxna. De hjälper till att ta kontakt med vården vid behov.",
            "Fråga personalen på boendet.", Capacity: 40);
        yield return new("samordningsforbundet", "Hälsoinriktad arbetsrehabilitering för nyanlända", "3", "N Q R F", "person-focused-psychosocial mhpss-in-other-sectors", "a", "r", "HS FA VA",
            "sv ar prs ti so", "MO,WE 9-14",
            "Ett samverkansprojekt för nyanlända som har svårt att delta i etableringen på grund av ohälsa. Deltagarna får samtalsstöd, fysisk aktivitet och praktik.",
            "Hänvisning från Arbetsförmedlingen, Försäkringskassan, vården eller kommunen.", Min: 18, Max: 64, Capacity: 15);
        yield return new("samordningsforbundet", "Samtalsgrupp Vägen framåt", "3", "N Q R", "support-conversations", "a", "r", "KU HY",
            "sv ar ti", "TH 9-11",
            "Samtalsgrupp för nyanlända vuxna som står långt från arbete. Vi pratar om hälsa, mål och vardag i tio träffar.",
            "Hänvisning från din handläggare.", Min: 18, Max: 64, Capacity: 10);

        // Röda Korset Halland
        yield return new("rodakorset", "Röda Korsets behandlingscenter för krigs- och tortyrskadade", "4", "R N A Q F", "clinical-specialised psychological-intervention", "c y a o", "r b", "*",
            "sv ar prs fa ti so ku", null,
            "Behandlingscentret erbjuder psykoterapi, fysioterapi och socialt stöd till personer som skadats av krig, tortyr eller flykt. Behandlingen är kostnadsfri och ges med tolk.",
            "Du kan söka själv eller få en remiss från vården. Ring för ett första bedömningssamtal.", Capacity: 12, ContactTitle: "Mottagningssekreterare");
        yield return new("rodakorset", "Språkcafé med Röda Korset", "2", "R N A Q F U", "social-networks", "y a o", "d", "HS",
            "sv en ar", "MO 18-20", "Samtal på svenska i små grupper med frivilliga samtalsledare. Vi bjuder på fika.",
            "Kom när du vill.", Capacity: 30);
        yield return new("rodakorset", "Läxhjälp i Varberg", "2", "R N A Q F U", "education-support", "c y", "d", "VA",
            "sv ar so", "TU,TH 16-18", "Frivilliga hjälper barn och unga med läxor i alla ämnen. Föräldrar är välkomna att följa med.",
            "Kom direkt efter skolan.", Min: 8, Max: 18, Capacity: 20);
        yield return new("rodakorset", "Psykologisk första hjälpen – kurs för allmänheten", "2", "R N A Q F", "psychological-first-aid capacity-building", "a", "b", "*",
            "sv ar", "2SA 10-15",
            "En kurs om hur du kan stötta en vän, granne eller kollega efter en svår händelse. Kursen passar både nyanlända och de som möter nyanlända.",
            "Anmälan via Röda Korsets kurskalender.", Fee: "200 kronor, kostnadsfritt för frivilliga.", Capacity: 20);
        yield return new("rodakorset", "Vårdförmedling för papperslösa", "1", "U", "clinical-non-specialised information", "c y a o", "d b", "HS VA",
            "sv ar en fa", "WE 17-19",
            "Frivilliga sjuksköterskor och läkare ger råd och förmedlar kontakt med vården för personer utan tillstånd. Ingen behöver uppge namn.",
            "Ring eller kom under öppettiden.", Capacity: 15);
        yield return new("rodakorset", "Medmänskligt stöd – samtal med frivillig", "3", "R N A Q F U", "support-conversations psychological-first-aid", "a o", "b", "HS FA VA",
            "sv ar prs uk", null,
            "Samtal med en frivillig som är utbildad i psykologisk första hjälpen. Samtalen ger stöd i en svår tid och kan leda vidare till vården.",
            "Boka via telefon eller e-post.", Min: 18, Capacity: 10);
        yield return new("rodakorset", "Kvinnor i Varberg – samtalsgrupp", "2", "R N A Q F", "social-networks support-conversations", "a o", "d", "VA",
            "sv ar ti so", "FR 10-12", "En trygg grupp för kvinnor som vill prata om vardag, hälsa och att leva i ett nytt land.",
            "Kom när du vill.", Min: 18, Capacity: 15);
        yield return new("rodakorset", "Mötesplats Hyltebruk", "2", "R N A Q F", "meeting-places", "c y a o", "d", "HY",
            "sv ar ti", "TU 14-17", "Öppen mötesplats med fika, klädbyte och aktiviteter för barn. Just nu är mötesplatsen stängd i väntan på nya lokaler.",
            "Kom när du vill.", Capacity: 25, Status: ServiceStatus.TemporarilyClosed);
        yield return new("rodakorset", "Efterforskning av anhöriga", "1", "R A Q F", "information", "a o", "b", "*",
            "sv ar prs ti so", null,
            "Röda Korset hjälper dig att söka efter anhöriga som du förlorat kontakten med på grund av krig, katastrof eller flykt.",
            "Boka ett möte via telefon.", Capacity: 10);

        // Svenska kyrkan
        yield return new("svk-halmstad", "Öppet hus och språkcafé i församlingshemmet", "2", "R N A Q F U", "meeting-places social-networks", "c y a o", "d", "HS",
            "sv ar en", "WE 14-17", "Öppet hus med fika, samtal på svenska och lek för barnen. Alla är välkomna oavsett tro.",
            "Kom när du vill.", Capacity: 40);
        yield return new("svk-halmstad", "Samtal med diakon", "3", "R N A Q F U", "support-conversations", "y a o", "b d", "HS",
            "sv en", null, "Enskilda samtal med diakon om det som känns svårt. Diakonen har tystnadsplikt och du behöver inte vara medlem.",
            "Ring eller skicka e-post för att boka tid.", Min: 16, Capacity: 10, ContactTitle: "Diakon");
        yield return new("svk-halmstad", "Sommarläger för barnfamiljer", "2", "R N A Q F", "community-family-support social-networks", "c y a", "b", "HS LA",
            "sv ar", null, "Ett läger vid havet med lek, bad och vila för nyanlända familjer. Lägret hålls en vecka i juli.",
            "Anmälan senast i maj.", Fee: "200 kronor per familj.", Capacity: 40, Status: ServiceStatus.Inactive);
        yield return new("svk-varberg", "Stickcafé och samtal för kvinnor", "2", "R N A Q F U", "social-networks stress-reduction", "a o", "d", "VA",
            "sv ar uk", "MO 13-15", "Vi stickar, virkar och pratar i lugn takt. Ett sätt att varva ner och lära känna andra.",
            "Kom när du vill.", Min: 18, Capacity: 15);
        yield return new("svk-varberg", "Samtalsgrupp om sorg och saknad", "3", "R N Q F", "support-conversations", "a o", "b", "VA FA",
            "sv ar", "2TH 18-20", "En samtalsgrupp för dig som har förlorat någon eller saknar familj i ett annat land. Gruppen leds av diakon och präst.",
            "Anmäl dig till diakonen.", Min: 18, Capacity: 8);

        // Rädda Barnen
        yield return new("raddabarnen", "TRT – Teaching Recovery Techniques", "3", "R N A Q", "stress-reduction education-support", "c y", "r b", "HS FA VA KU",
            "sv ar prs so ti", "WE 14-15:30",
            "TRT är en gruppverksamhet för barn 8–18 år som varit med om svåra händelser. Barnen lär sig tekniker för att hantera stress, oro och mardrömmar, och föräldrarna får två egna träffar.",
            "Anmälan via elevhälsan eller direkt till Rädda Barnen.", Min: 8, Max: 18, Capacity: 8, ContactTitle: "Gruppledare TRT");
        yield return new("raddabarnen", "Mötesplats för ensamkommande unga", "2", "R N A", "meeting-places social-networks", "y", "d", "HS",
            "sv prs ps ti", "FR 16-20", "En trygg plats för unga som kommit ensamma till Sverige. Vi lagar mat, spelar och pratar om det som är viktigt.",
            "Kom när du vill.", Min: 13, Max: 21, Capacity: 25);
        yield return new("raddabarnen", "Psykologisk första hjälpen för barn – utbildning", "2", "R N A Q F", "capacity-building psychological-first-aid", "a", "b o", "*",
            "sv", null, "Utbildning för personal och frivilliga som möter barn i kris. Du lär dig hur du kan stötta barn och föräldrar efter svåra händelser.",
            "Anmälan på webbplatsen.", Capacity: 30);
        yield return new("raddabarnen", "Föräldraskap i en ny tid – digitalt föräldrastöd", "2", "R N A Q F", "parenting-support", "a", "o", "*",
            "sv ar prs so", "1MO 19-20:30",
            "Digitala föräldraträffar om barns reaktioner på flykt och hur föräldrar kan stötta dem. Träffarna hålls på arabiska, dari och somaliska.",
            "Anmäl dig på webbplatsen och få en länk.", Min: 18, Capacity: 40);

        // Studieförbund
        yield return new("abf", "Förälder i Sverige – ABF", "2", "R N Q F", "parenting-support", "a", "b", "HS LA",
            "sv ar so", "TU 10-12", "Studiecirkel för föräldrar som är nya i Sverige, om barns utveckling, skolan och samhället.",
            "Anmäl dig till ABF.", Min: 18, Capacity: 12);
        yield return new("abf", "Svenska från dag ett", "2", "A R N", "social-networks", "y a o", "d b", "HS FA HY",
            "sv ar prs ti so", "MO,WE 13-15", "Studiecirkel i vardagssvenska för asylsökande och andra som ännu inte börjat SFI.",
            "Kom till första träffen eller anmäl dig.", Min: 16, Capacity: 15);
        yield return new("abf", "Hälsa och välmående på arabiska", "2", "R N A Q F", "health-communication stress-reduction", "a o", "b", "HS",
            "ar", "TH 17-19", "En cirkel om sömn, stress och psykisk hälsa på arabiska. Vi bjuder ibland in gäster från vården.",
            "Anmäl dig till ABF.", Min: 18, Capacity: 12);
        yield return new("sv", "Förälder i Sverige – SV", "2", "R N Q F", "parenting-support", "a", "b", "VA FA",
            "sv ar ti prs", "WE 10-12", "Föräldrastöd i studiecirkelform. Gruppen träffas åtta gånger och samtalsledaren talar ditt språk.",
            "Anmälan via SV:s webbplats.", Min: 18, Capacity: 12);
        yield return new("sv", "Svenska från dag ett – SV", "2", "A N R", "social-networks", "y a o", "d", "VA KU",
            "sv ar uk ti", "TU,TH 10-12", "Vardagssvenska i studiecirkel för dig som väntar på asylbeslut eller SFI-plats.",
            "Kom till första träffen.", Min: 16, Capacity: 15);
        yield return new("sv", "Kvinnocirkel – Må bra", "2", "R N A Q F", "stress-reduction social-networks", "a o", "d", "LA",
            "sv ar so", "FR 10-12", "En cirkel för kvinnor om hälsa, rörelse och avslappning. Vi promenerar och gör enkla andningsövningar.",
            "Kom när du vill.", Min: 18, Capacity: 15);
        yield return new("sensus", "Dela erfarenheter – samtalsgrupp för unga vuxna", "3", "R N Q", "support-conversations", "y a", "b", "KU VA",
            "sv prs ar", "MO 17-19", "Samtalsgrupp för unga vuxna 18–25 år om att bygga ett nytt liv. Gruppen leds av en utbildad samtalsledare.",
            "Anmäl dig till Sensus.", Min: 18, Max: 25, Capacity: 10);
        yield return new("sensus", "Musik och skapande för barn", "2", "R N A Q F", "social-networks", "c", "d", "KU",
            "sv ar uk", "SA 10-12", "Sång, rytmik och skapande för barn 4–12 år tillsammans med en vuxen.",
            "Kom när du vill.", Min: 4, Max: 12, Capacity: 20);
        yield return new("medborgarskolan", "Mindfulness och yoga för nyanlända kvinnor", "2", "R N A Q F", "stress-reduction", "a o", "b", "HS KU",
            "sv ar en", "TU 18-19:30", "Lugn yoga och mindfulness som hjälper dig att sova bättre och hantera stress. Ingen erfarenhet behövs.",
            "Anmäl dig på webbplatsen.", Fee: "Kostnadsfritt första terminen, därefter 300 kronor.", Min: 18, Capacity: 15);
        yield return new("medborgarskolan", "Samhällsinformation i studiecirkel", "1", "N Q F", "information", "a o", "b", "VA",
            "sv ar uk", "WE 13-15", "Studiecirkel om hur samhället fungerar: skola, vård, myndigheter och föreningsliv.",
            "Anmäl dig till Medborgarskolan.", Min: 18, Capacity: 12);
        yield return new("folkuniversitetet", "Svenska och vardagssamtal för ukrainare", "2", "R", "social-networks", "y a o", "b", "HS",
            "uk ru sv", "MO,WE 17-19", "Svenskkurs med samtal om vardagen för dig som flytt från Ukraina. Läraren talar ukrainska och svenska.",
            "Anmäl dig på webbplatsen.", Min: 16, Capacity: 16);
        yield return new("folkuniversitetet", "Kurs i stresshantering och sömn", "2", "R N Q F", "stress-reduction", "a", "b o", "HS",
            "sv en ar", "TH 18-20", "En kurs i fyra kvällar om stress, sömn och återhämtning. Du får enkla övningar att göra hemma.",
            "Anmäl dig på webbplatsen.", Fee: "400 kronor.", Min: 18, Capacity: 16, Draft: true);
        yield return new("rfsisu", "Idrott för nyanlända – prova på", "2", "R N A Q F", "social-networks stress-reduction", "c y a", "d", "*",
            "sv ar prs ti so", "SA 10-13", "Prova fotboll, simning, boxning och andra idrotter tillsammans med föreningar i ditt område. Utrustning finns att låna.",
            "Kom när du vill, ingen anmälan.", Min: 6, Capacity: 60);
        yield return new("rfsisu", "Simskola för nyanlända barn och kvinnor", "2", "R N A Q F", "social-networks", "c a", "b", "HS VA FA",
            "sv ar so ti", "SU 9-11", "Simskola i små grupper med kvinnliga ledare. Barn och kvinnor simmar vid olika tider.",
            "Anmälan via RF-SISU Halland.", Fee: "100 kronor per termin.", Min: 5, Capacity: 20);
        yield return new("rfsisu", "Ledarutbildning: Idrott för barn som varit på flykt", "2", "R N A Q", "capacity-building", "a", "b", "*",
            "sv", null, "Utbildning för idrottsledare om hur trauma kan påverka barn och hur idrotten kan vara en trygg plats.",
            "Anmälan via RF-SISU Halland.", Capacity: 30);
        yield return new("ibnrushd", "Föräldraträffar på arabiska och somaliska", "2", "R N A Q F", "parenting-support", "a", "d", "HS",
            "ar so", "SU 13-15", "Träffar för föräldrar om uppfostran, skolan och hur man pratar med barn om svåra saker.",
            "Kom när du vill.", Min: 18, Capacity: 20);
        yield return new("ibnrushd", "Samtalscirkel om psykisk hälsa", "2", "R N A Q F", "health-communication", "y a o", "b", "HS FA",
            "ar so sv", "1SA 14-16", "En cirkel som minskar stigma kring psykisk ohälsa. Vi pratar om var man kan få hjälp.",
            "Anmäl dig till Ibn Rushd.", Min: 16, Capacity: 15);
        yield return new("bilda", "Sångcafé – kör och gemenskap", "2", "R N A Q F U", "social-networks", "y a o", "d", "FA",
            "sv", "TH 18-20", "Vi sjunger tillsammans på olika språk och fikar efteråt. Ingen erfarenhet behövs.",
            "Kom när du vill.", Capacity: 30);
        yield return new("studieframjandet", "Naturpromenader för nyanlända", "2", "R N A Q F", "stress-reduction social-networks", "c y a o", "d", "KU HY",
            "sv ar", "SU 10-12", "Guidade promenader i skog och natur med samtal om allemansrätten. Naturen hjälper oss att varva ner.",
            "Samling vid parkeringen, ingen anmälan.", Capacity: 25);

        // Other non-profits
        yield return new("frivilligcentralen", "Språkvän – träffa en svensktalande vän", "2", "R N Q F", "social-networks", "y a o", "b", "KU",
            "sv", null, "Vi matchar dig med en frivillig språkvän som du träffar en gång i veckan för fika och samtal.",
            "Anmäl ditt intresse till Frivilligcentralen.", Min: 16, Capacity: 30);
        yield return new("frivilligcentralen", "Träff för nyanlända seniorer", "2", "R N Q F", "social-networks meeting-places", "o", "d", "KU",
            "sv ar ru", "1WE 13-15", "En träff för äldre som är nya i Sverige och vill lära känna andra seniorer.",
            "Kom när du vill.", Min: 65, Capacity: 20);
        yield return new("hylte-tillsammans", "Kvinnogrupp i Hyltebruk", "2", "R N A Q F", "social-networks", "a o", "d", "HY",
            "sv ar ti so", "MO 10-12", "Kvinnor träffas för att laga mat, prata och planera aktiviteter tillsammans.",
            "Kom när du vill.", Min: 18, Capacity: 15);
        yield return new("hylte-tillsammans", "Mötesplats Tillsammans", "2", "R N A Q F U", "meeting-places community-mobilisation", "c y a o", "d", "HY",
            "sv ar ti so", "TH 16-19", "En mötesplats som drivs av nyanlända och Hyltebor tillsammans. Här planeras fester, utflykter och läxhjälp.",
            "Kom när du vill.", Capacity: 40);
    }

    private static Dictionary<string, Dictionary<string, string>> Tr(string enName, string enDesc, string arName, string arDesc) => new(StringComparer.Ordinal)
    {
        ["en"] = new(StringComparer.Ordinal) { ["name"] = enName, ["description"] = enDesc },
        ["ar"] = new(StringComparer.Ordinal) { ["name"] = arName, ["description"] = arDesc },
    };

    /// <summary>English and Arabic for some services, keyed by the Swedish service name.</summary>
    private static readonly Dictionary<string, Dictionary<string, Dictionary<string, string>>> ServiceTranslations = new(StringComparer.Ordinal)
    {
        [ParentingSupportHalmstadName] = Tr("Beloved Children – parenting support", "A parenting group for parents of children of all ages. Interpreters are available.",
            "أطفال محبوبون – دعم الوالدين", "مجموعة للآباء والأمهات لأطفال من جميع الأعمار. يتوفر مترجمون."),
        ["Förälder i Sverige"] = Tr("Parenting in Sweden", "A parenting programme for parents who are new in Sweden.",
            "الأبوة والأمومة في السويد", "برنامج للآباء والأمهات القادمين الجدد إلى السويد."),
        ["Hälsoundersökning för asylsökande och nyanlända"] = Tr("Health examination for asylum seekers and newly arrived", "A free health examination with an interpreter.",
            "الفحص الصحي لطالبي اللجوء والقادمين الجدد", "فحص صحي مجاني بحضور مترجم."),
        ["Hälsokommunikatörer – hälsoinformation på ditt språk"] = Tr("Health communicators – health information in your language", "Information about health and health care in your own language.",
            "التوعية الصحية بلغتك", "معلومات عن الصحة والرعاية الصحية بلغتك الأم."),
        ["Vård för papperslösa – vård som inte kan anstå"] = Tr("Health care for undocumented people", "You have the right to care that cannot wait. You do not need to show ID.",
            "الرعاية الصحية للأشخاص بدون تصريح إقامة", "لديك الحق في الرعاية التي لا يمكن تأجيلها. لا تحتاج إلى إظهار بطاقة هوية."),
        ["Röda Korsets behandlingscenter för krigs- och tortyrskadade"] = Tr("Red Cross treatment centre for people affected by war and torture", "Free treatment with an interpreter.",
            "مركز الصليب الأحمر لعلاج المتضررين من الحرب والتعذيب", "علاج مجاني بحضور مترجم."),
        ["Språkcafé med Röda Korset"] = Tr("Language café with the Red Cross", "Practise Swedish with volunteers. Coffee is free.",
            "مقهى اللغة مع الصليب الأحمر", "تدرّب على اللغة السويدية مع متطوعين. القهوة مجانية."),
        ["TRT – Teaching Recovery Techniques"] = Tr("TRT – Teaching Recovery Techniques", "A group for children aged 8–18 to learn how to handle stress and worry.",
            "تقنيات التعافي للأطفال", "مجموعة للأطفال من عمر 8 إلى 18 سنة لتعلّم التعامل مع التوتر والقلق."),
        ["Läxhjälp för barn och unga"] = Tr("Homework help for children and young people", "Volunteers help with homework at the library.",
            "المساعدة في الواجبات المدرسية للأطفال والشباب", "يساعد متطوعون في الواجبات المدرسية في المكتبة."),
        ["Kvinnogrupp – prata, promenera, må bra"] = Tr("Women's group – talk, walk, feel well", "A group for women who want to meet others and talk about health.",
            "مجموعة النساء – حديث ومشي وصحة", "مجموعة للنساء اللواتي يرغبن في التعارف والحديث عن الصحة."),
        ["Medmänskligt stöd – samtal med frivillig"] = Tr("Supportive conversations with a volunteer", "Talk to a volunteer trained in psychological first aid.",
            "محادثات داعمة مع متطوع", "تحدّث مع متطوع مدرَّب على الإسعافات الأولية النفسية."),
    };
}
