namespace Samla.Web.Features.Surveys;

/// <summary>
/// Question sets to start a survey from. The two mapping sets are copied word for word from the 2017 mapping of
/// local agreements on newcomers' health (seed 003, appendices 11.1 and 11.2); the strategy follow-up asks what the
/// 2023 follow-up of the Halland strategy asked (seed 001): what works, what does not, what each actor needs, how the
/// platform is used.
/// </summary>
public static class SurveyTemplates
{
    public sealed record TemplateQuestion(string Text, QuestionKind Kind, bool Required = false, string[]? Options = null, string? MinLabel = null, string? MaxLabel = null);

    public sealed record TemplateSection(string Title, string Introduction, TemplateQuestion[] Questions);

    public sealed record Template(string Key, string Name, string Title, string Introduction, string Method, TemplateSection[] Sections);

    private static TemplateQuestion Open(string text) => new(text, QuestionKind.OpenText);

    public static readonly Template CooperationGroups = new(
        "samverkansgrupper", "Kartläggning: lokala samverkansgrupper",
        "Kartläggning – Hälsoperspektivet i etableringsuppdraget",
        "Syftet med kartläggningen är att få en aktuell nulägesbild att utgå ifrån i det fortsatta utvecklingsarbetet. Vi vill också synliggöra och sprida erfarenheter från de samverkansgrupper som har nått framgång i sitt arbete med hälsa i etableringen så att fler kan utveckla framgångsrika och beprövade arbetssätt.\n\nDu som är ansvarig kan skicka ut frågorna till samtliga i er lokala samverkansgrupp för input eller svara på egen hand utifrån erfarenheter och kunskap från arbetet i gruppen. Vi är tacksamma om ni tar er tid att svara på frågorna så utförligt som möjligt.",
        "Enkäten ställer öppna frågor till ansvariga för de lokala samverkansgrupperna. Svaren analyseras med kvalitativ innehållsanalys: varje svar koncentreras, kodas och koderna grupperas i kategorier och teman. Svaren sammanfattas per fråga, och goda exempel lyfts fram.",
        [
            new("Frågeställningar", "", [
                Open("Vilka olika aktörer deltar i er lokala samverkansgrupp? Utifrån hur uppdraget med lokala överenskommelser är formulerat, finns alla önskvärda aktörer med eller saknar ni någon/några?"),
                Open("Anser du att respektive aktörs ramverk/uppdrag ger utrymme för att uppnå det ni önskar genom aktörsövergripande samarbete lokalt? Om inte – beskriv!"),
                Open("Vilka ohälsofaktorer upplever er grupp som störst bland nyanlända generellt? Finns någon skillnad mellan män och kvinnor?"),
                Open("Vad anser er grupp är viktigt att fokusera på/arbete med/utveckla för att minska ohälsan bland de nyanlända?"),
                Open("Vad skulle du/ni säga är stora utmaningar för att kunna arbeta effektivt med hälsofrågan (hälsoutveckling) i etableringen?"),
                Open("Utifrån just er grupps arbete med hälsofrågor riktat till nyanlända, vad i ert arbete skulle du säga att är du/ni är mest nöjda med?"),
                Open("Ge ett exempel som du vill lyfta fram där ni lyckats arbeta effektivt med hälsofrågan (hälsoutveckling) i etableringen? Vilka effekter gav det? Vad var avgörande (viktiga faktorer) för att kunna lyckas?"),
                Open("Vilka konkreta idéer/planer finns för att fortsatt utveckla LÖK/LOK gruppens arbete med hälsofrågan och hälsoutveckling bland nyanlända i etableringen?"),
            ]),
        ]);

    public static readonly Template Municipalities = new(
        "kommuner", "Kartläggning: kommuner",
        "Kartläggning – Hälsoperspektivet i etableringsuppdraget (kommuner)",
        "Nyanlända som bedömts ha en prestationsförmåga på mindre än 25 % har inte rätt till en etableringsplan och därmed inte heller rätt till etableringsersättning. Genom socialtjänstlagen ansvarar kommunen för dessa personers behov av stöd och insatser på samma villkor som för övriga kommuninvånare.\n\nSyftet med denna kartläggning är att få en aktuell nulägesbild att utgå ifrån i det fortsatta utvecklingsarbetet. Vi vill också synliggöra och sprida erfarenheter från de kommuner som har nått framgång i sitt arbete med nyanlända som inte har prestationsförmåga nog att delta i etableringen så att fler kan utveckla framgångsrika och beprövade arbetssätt.",
        "Enkäten ställer öppna frågor till samtliga kommuner. Svaren analyseras med kvalitativ innehållsanalys och sammanfattas per fråga; goda exempel lyfts fram.",
        [
            new("Frågeställningar", "", [
                Open("Vilka ohälsofaktorer upplever ni vara störst bland nyanlända generellt? Finns någon skillnad mellan män och kvinnor?"),
                Open("Vad anser ni är viktigt att fokusera på/arbete med/utveckla för att minska ohälsan bland de nyanlända?"),
                Open("Vad skulle du/ni säga är stora utmaningar för att kunna arbeta effektivt med hälsofrågan (hälsoutveckling) hos nyanlända?"),
                Open("Hur arbetar er kommun med nyanlända som har nedsatt prestationsförmåga och inte kan delta i etableringen?"),
                Open("Vad har varit framgångsrikt så här långt i arbetet med dessa individer? Finns olikheter mellan hur ni jobbar med män och kvinnor?"),
                Open("Vad anser ni vara de största utmaningarna kopplat till dessa individer?"),
                Open("Ge ett exempel som ni vill lyfta fram där ni lyckats arbeta effektivt med hälsofrågan (hälsoutveckling) hos nyanlända? Vilka effekter gav det? Vad var avgörande (viktiga faktorer) för att kunna lyckas?"),
                Open("Har ni några konkreta idéer/planer för att utveckla arbetet med nyanlända med nedsatt prestationsförmåga i framtiden?"),
            ]),
        ]);

    public static readonly Template StrategyFollowUp = new(
        "strategiuppfoljning", "Uppföljning av strategin Hälsa och migration",
        "Uppföljning av strategi och modell Hälsa och migration i Halland",
        "Vi följer upp strategi och modell tillsammans med aktörerna för att efterhöra om de är funktionella och har ett relevant innehåll. Svara som organisation; processledaren kan gärna samla in synpunkter från kollegor.",
        "Enkäten skickas till processledaren hos varje aktör. Slutna frågor redovisas med antal och andel, öppna svar med kvalitativ innehållsanalys (koncentrering, koder, kategorier och teman). Resultatet tas om hand i den fortsatta processen och vid dialogmötena.",
        [
            new("Kännedom och användning", "Frågorna gäller strategin, modellen för förbättringsarbete och plattformen för gemensamt lärande.", [
                new("Hur väl känner medarbetarna i er organisation till strategin och modellen?", QuestionKind.Scale, true, MinLabel: "Inte alls", MaxLabel: "Mycket väl"),
                new("Hur ofta använder ni plattformen Samla?", QuestionKind.SingleChoice, true, ["Varje vecka", "Varje månad", "Några gånger per år", "Aldrig"]),
                new("Till vad använder ni plattformen?", QuestionKind.MultipleChoice, false, ["Hitta andras verksamheter", "Hänvisa invånare", "Uppdatera vår egen information", "Förbereda dialogmöten", "Förbättringsarbete"]),
                new("Hur många medarbetare i er organisation har använt plattformen det senaste året (ungefär)?", QuestionKind.Number),
            ]),
            new("Vad fungerar och vad fungerar inte", "", [
                new("Har strategi och modell fungerat som ett stöd för att samlas i det gemensamma arbetet?", QuestionKind.YesNo, true),
                Open("Vad fungerar bra i det gemensamma arbetet? Ge gärna ett exempel som ni vill lyfta fram."),
                Open("Vad fungerar mindre bra, och vad skulle behöva göras annorlunda?"),
                new("Hur väl har modellen hjälpt er att identifiera behov och följa upp insatser?", QuestionKind.Scale, false, MinLabel: "Inte alls", MaxLabel: "Mycket väl"),
            ]),
            new("Behov framåt", "", [
                Open("Vad behöver er organisation för att kunna bidra mer (till exempel stöd, kunskap, tid)?"),
                Open("Hur förbereder ni er för att vid ett större flyktingmottagande kunna kraftsamla tillsammans med andra?"),
            ]),
        ]);

    public static readonly IReadOnlyList<Template> All = [StrategyFollowUp, CooperationGroups, Municipalities];

    public static Template? Find(string? key) => All.FirstOrDefault(t => t.Key == key);
}
