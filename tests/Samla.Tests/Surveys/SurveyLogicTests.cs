using Samla.Web.Features.Surveys;

namespace Samla.Tests.Surveys;

/// <summary>Pure logic: tokens, per-question summary, theme counts, round comparison, reminder selection.</summary>
public sealed class SurveyLogicTests
{
    [Fact]
    public void Tokens_are_256_random_bits_in_base64url_and_only_their_hash_is_kept()
    {
        var tokens = Enumerable.Range(0, 200).Select(_ => SurveyTokens.Create()).ToList();
        Assert.Equal(200, tokens.Select(t => t.Token).Distinct().Count());
        Assert.All(tokens, t =>
        {
            Assert.Equal(43, t.Token.Length);
            Assert.True(SurveyTokens.LooksValid(t.Token));
            Assert.Matches("^[0-9a-f]{64}$", t.Hash);
            Assert.Equal(SurveyTokens.Hash(t.Token), t.Hash);
            Assert.DoesNotContain(t.Token, t.Hash, StringComparison.Ordinal);
        });
        Assert.False(SurveyTokens.LooksValid(null));
        Assert.False(SurveyTokens.LooksValid("short"));
        Assert.False(SurveyTokens.LooksValid(new string('a', 42) + "/"));
    }

    private static (Survey Survey, SurveyQuestion Scale, SurveyQuestion Choice, SurveyQuestion Open) Build(string title, Guid? origin, params (string Scale, string[] Choice, string Text, string[] Codes, bool Submitted)[] answers)
    {
        var s = new Survey { Title = title, OriginSurveyId = origin };
        var section = new SurveySection { Survey = s, Title = "Frågor" };
        s.Sections.Add(section);
        var scale = new SurveyQuestion { Survey = s, SectionId = section.Id, Position = 0, Text = "Hur väl?", Kind = QuestionKind.Scale, ScaleMinLabel = "Inte alls", ScaleMaxLabel = "Mycket väl" };
        var choice = new SurveyQuestion { Survey = s, SectionId = section.Id, Position = 1, Text = "Till vad?", Kind = QuestionKind.MultipleChoice, Options = ["Hitta", "Hänvisa", "Uppdatera"] };
        var open = new SurveyQuestion { Survey = s, SectionId = section.Id, Position = 2, Text = "Vad fungerar?", Kind = QuestionKind.OpenText };
        s.Questions.AddRange([scale, choice, open]);
        var codes = new Dictionary<string, SurveyCode>
        {
            ["dialogmöten"] = new() { Survey = s, Name = "dialogmöten", Category = "Forum", Theme = "Dialog" },
            ["nätverk"] = new() { Survey = s, Name = "nätverk", Category = "Forum", Theme = "Dialog" },
            ["översikt"] = new() { Survey = s, Name = "översikt", Category = "Överblick", Theme = "Kännedom" },
            ["tid"] = new() { Survey = s, Name = "tid", Category = "Resurser" },
        };
        s.Codes.AddRange(codes.Values);
        var n = 0;
        foreach (var (sc, ch, text, cs, submitted) in answers)
        {
            var r = new SurveyRecipient { Survey = s, Email = $"r{n++}@samla.example", SubmittedAt = submitted ? DateTime.UtcNow : null, DraftSavedAt = submitted ? null : DateTime.UtcNow };
            r.Answers.Add(new SurveyAnswer { QuestionId = scale.Id, Choices = [sc] });
            r.Answers.Add(new SurveyAnswer { QuestionId = choice.Id, Choices = [.. ch] });
            var a = new SurveyAnswer { QuestionId = open.Id, Text = text };
            a.Codes.AddRange(cs.Select(c => new SurveyAnswerCode { Answer = a, CodeId = codes[c].Id }));
            r.Answers.Add(a);
            s.Recipients.Add(r);
        }
        return (s, scale, choice, open);
    }

    [Fact]
    public void The_summary_counts_submitted_answers_per_option_with_shares_means_and_themes_counted_once_per_answer()
    {
        var (s, _, _, _) = Build("Runda", null,
            ("4", ["Hitta", "Hänvisa"], "Dialogmöten och nätverk", ["dialogmöten", "nätverk"], true),
            ("2", ["Hitta"], "Översikten", ["översikt"], true),
            ("5", ["Uppdatera"], "Tid saknas men dialogen är bra", ["tid", "dialogmöten"], true),
            ("1", ["Hänvisa"], "Bara ett utkast", ["översikt"], false));
        var results = SurveyQuery.Results(s, "Ja", "Nej");

        var scale = results[0];
        Assert.Equal(3, scale.Answered);
        Assert.Equal(11 / 3.0, scale.Mean!.Value, 3);
        Assert.Equal([0, 1, 0, 1, 1], scale.Choices.Select(c => c.Count));
        Assert.Equal("1 Inte alls", scale.Choices[0].Label);
        Assert.Equal("5 Mycket väl", scale.Choices[4].Label);

        var choice = results[1];
        Assert.Equal([2, 1, 1], choice.Choices.Select(c => c.Count));
        Assert.Equal(2 / 3.0, choice.Choices[0].Share, 3);

        var open = results[2];
        Assert.Equal(3, open.OpenAnswers.Count);
        Assert.DoesNotContain(open.OpenAnswers, a => a.Text == "Bara ett utkast");
        Assert.Equal([("Dialog", 2), ("Kännedom", 1), ("Resurser", 1)], open.Themes.Select(t => (t.Theme, t.Count)));
        Assert.All(open.OpenAnswers, a => Assert.NotNull(a.Organization));

        s.IsAnonymous = true;
        Assert.All(SurveyQuery.Results(s, "Ja", "Nej")[2].OpenAnswers, a => Assert.Null(a.Organization));

        var tracking = SurveyQuery.Track(s);
        Assert.Equal((3, 3, 0), (tracking.Recipients, tracking.Answered, tracking.Drafts)); // the draft was never invited
    }

    [Fact]
    public void Two_rounds_compare_closed_answers_side_by_side_and_show_themes_that_grew_or_faded()
    {
        var (earlier, eScale, eChoice, eOpen) = Build("2023", null,
            ("2", ["Hitta"], "Översikten", ["översikt"], true),
            ("3", ["Hitta"], "Översikten igen", ["översikt"], true));
        var (later, lScale, lChoice, lOpen) = Build("2025", earlier.Id,
            ("4", ["Hitta", "Hänvisa"], "Dialogmöten", ["dialogmöten"], true),
            ("5", ["Hänvisa"], "Nätverket", ["nätverk"], true),
            ("4", ["Hitta"], "Översikten", ["översikt"], true));
        lScale.OriginQuestionId = eScale.Id;
        lChoice.OriginQuestionId = eChoice.Id;
        lOpen.Text = "Vad fungerar?";   // paired by text

        var compared = SurveyQuery.Compare(earlier, later, "Ja", "Nej");
        Assert.Equal(3, compared.Count);
        Assert.Equal(2.5, compared[0].EarlierMean);
        Assert.Equal(13 / 3.0, compared[0].LaterMean!.Value, 3);
        var hitta = compared[1].Choices.Single(c => c.Label == "Hitta");
        Assert.Equal((2, 1.0, 2), (hitta.EarlierCount, hitta.EarlierShare, hitta.LaterCount));
        Assert.Equal(0, compared[1].Choices.Single(c => c.Label == "Hänvisa").EarlierCount);
        var themes = compared[2].Themes.ToDictionary(t => t.Theme, t => t.Change);
        Assert.Equal(2, themes["Dialog"]);
        Assert.Equal(-1, themes["Kännedom"]);
    }

    [Fact]
    public void Reminders_select_invited_recipients_without_a_submitted_answer()
    {
        var s = new Survey { Title = "Påminnelser" };
        var answered = new SurveyRecipient { Survey = s, Email = "a@x.example", TokenHash = "h1", SubmittedAt = DateTime.UtcNow };
        var draft = new SurveyRecipient { Survey = s, Email = "b@x.example", TokenHash = "h2", DraftSavedAt = DateTime.UtcNow };
        var notOpened = new SurveyRecipient { Survey = s, Email = "c@x.example", TokenHash = "h3" };
        var notInvited = new SurveyRecipient { Survey = s, Email = "d@x.example" };
        s.Recipients.AddRange([answered, draft, notOpened, notInvited]);
        Assert.Equal([draft, notOpened], SurveyWork.ReminderRecipients(s));
        Assert.Equal([ResponseState.Answered, ResponseState.Draft, ResponseState.NotOpened], new[] { answered, draft, notOpened }.Select(SurveyQuery.State));
    }
}
