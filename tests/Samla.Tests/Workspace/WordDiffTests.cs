using static Samla.Web.Features.Workspace.WordDiff;

namespace Samla.Tests.Workspace;

public sealed class WordDiffTests
{
    [Fact]
    public void A_changed_word_in_a_long_text_is_the_only_thing_marked()
    {
        var parts = Compare("Vi träffas varje tisdag i biblioteket.\n\nTa med en vän.", "Vi träffas varje onsdag i biblioteket.\n\nTa med en vän.");

        Assert.Equal([new Part(Kind.Same, "Vi träffas varje "), new Part(Kind.Deleted, "tisdag"), new Part(Kind.Inserted, "onsdag"),
            new Part(Kind.Same, " i biblioteket.\n\nTa med en vän.")], parts);
    }

    [Fact]
    public void Both_sides_can_be_rebuilt_with_their_paragraph_breaks()
    {
        const string before = "Första stycket.\n\nAndra stycket om stöd.";
        const string after = "Första stycket, nu längre.\n\nAndra stycket om samtalsstöd.\n\nEtt tredje.";
        var parts = Compare(before, after);

        Assert.Equal(before, string.Concat(parts.Where(p => p.Kind != Kind.Inserted).Select(p => p.Text)));
        Assert.Equal(after, string.Concat(parts.Where(p => p.Kind != Kind.Deleted).Select(p => p.Text)));
        Assert.Contains(parts, p => p.Kind == Kind.Same && p.Text.Contains("\n\nAndra stycket om ", StringComparison.Ordinal));
        Assert.DoesNotContain(parts, p => p.Kind == Kind.Deleted && p.Text.Contains("Första", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_before_is_all_inserted() =>
        Assert.Equal([new Part(Kind.Inserted, "Ny text")], Compare("", "Ny text"));

    [Fact]
    public void A_name_replaced_whole_reads_as_one_deletion_and_one_insertion() =>
        Assert.Equal([new Part(Kind.Deleted, "Språkcafé på Stadsbiblioteket"), new Part(Kind.Inserted, "Ändrat namn")],
            Compare("Språkcafé på Stadsbiblioteket", "Ändrat namn"));

    [Fact]
    public void An_address_changed_is_shown_replaced_whole_not_in_pieces() =>
        Assert.Equal([new Part(Kind.Deleted, "processledare@rodakorset.example"), new Part(Kind.Inserted, "redaktor.rodakorset@samla.example")],
            Compare("processledare@rodakorset.example", "redaktor.rodakorset@samla.example"));
}
