using System.Numerics;

namespace Samla.Web.Features.Search;

/// <summary>A fixed-size bit set over index slots: filters and facet counts are AND/OR and pop-counts over these.</summary>
internal sealed class Bits
{
    private readonly ulong[] words;

    public Bits(int length)
    {
        Length = length;
        words = new ulong[(length + 63) >> 6];
    }

    private Bits(int length, ulong[] words)
    {
        Length = length;
        this.words = words;
    }

    public int Length { get; }

    public static Bits All(int length)
    {
        var b = new Bits(length);
        Array.Fill(b.words, ulong.MaxValue);
        var extra = b.words.Length * 64 - length;
        if (extra > 0) b.words[^1] >>= extra;
        return b;
    }

    public Bits Clone() => new(Length, (ulong[])words.Clone());

    public void Set(int i) => words[i >> 6] |= 1UL << (i & 63);

    public bool Get(int i) => (words[i >> 6] & (1UL << (i & 63))) != 0;

    public void And(Bits other)
    {
        for (var i = 0; i < words.Length; i++) words[i] &= other.words[i];
    }

    public void Or(Bits other)
    {
        for (var i = 0; i < words.Length; i++) words[i] |= other.words[i];
    }

    /// <summary>Calls <paramref name="action"/> for every set bit, in ascending order.</summary>
    public void ForEach(Action<int> action)
    {
        for (var w = 0; w < words.Length; w++)
        {
            var word = words[w];
            while (word != 0)
            {
                action((w << 6) + BitOperations.TrailingZeroCount(word));
                word &= word - 1;
            }
        }
    }

    public int Count()
    {
        var n = 0;
        foreach (var w in words) n += BitOperations.PopCount(w);
        return n;
    }

    public int CountAnd(Bits other)
    {
        var n = 0;
        for (var i = 0; i < words.Length; i++) n += BitOperations.PopCount(words[i] & other.words[i]);
        return n;
    }
}
