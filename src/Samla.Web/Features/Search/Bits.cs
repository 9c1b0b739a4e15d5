using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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

    internal ReadOnlySpan<ulong> Words => words;

    public static Bits All(int length)
    {
        var b = new Bits(length);
        Array.Fill(b.words, ulong.MaxValue);
        var extra = b.words.Length * 64 - length;
        if (extra > 0) b.words[^1] >>= extra;
        return b;
    }

    public Bits Clone() => new(Length, (ulong[])words.Clone());

    /// <summary>Makes this set equal to <paramref name="other"/> (which may be shorter: a snapshot made before the sets grew).</summary>
    public void CopyFrom(Bits other)
    {
        var n = Math.Min(words.Length, other.words.Length);
        other.words.AsSpan(0, n).CopyTo(words);
        words.AsSpan(n).Clear();
    }

    public void ClearAll() => Array.Clear(words);

    public void Set(int i) => words[i >> 6] |= 1UL << (i & 63);

    public void Clear(int i) => words[i >> 6] &= ~(1UL << (i & 63));

    /// <summary>ORs in a set that may be shorter (a snapshot made before the sets grew).</summary>
    public void Or(Bits other, int length)
    {
        var n = Math.Min((length + 63) >> 6, Math.Min(words.Length, other.words.Length));
        for (var i = 0; i < n; i++) words[i] |= other.words[i];
    }

    public bool Get(int i) => (words[i >> 6] & (1UL << (i & 63))) != 0;

    public void And(Bits other)
    {
        for (var i = 0; i < words.Length; i++) words[i] &= other.words[i];
    }

    /// <summary>Clears the bits <paramref name="other"/> has.</summary>
    public void AndNot(Bits other)
    {
        var n = Math.Min(words.Length, other.words.Length);
        for (var i = 0; i < n; i++) words[i] &= ~other.words[i];
    }

    /// <summary>
    /// Moves the bits of <paramref name="source"/> that <paramref name="mask"/> has into this set (added to what it has) and
    /// out of <paramref name="source"/>; returns how many moved.
    /// </summary>
    public int MoveFrom(Bits source, Bits mask)
    {
        var from = source.words;
        var by = mask.words;
        var n = Math.Min(Math.Min(words.Length, from.Length), by.Length);
        var moved = 0;
        for (var i = 0; i < n; i++)
        {
            var hit = from[i] & by[i];
            if (hit == 0) continue;
            words[i] |= hit;
            from[i] &= ~hit;
            moved += BitOperations.PopCount(hit);
        }
        return moved;
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

    /// <summary>Writes the set bits' indexes, ascending, to <paramref name="slots"/> (at least <see cref="Count"/> long); returns how many.</summary>
    public int CopyTo(int[] slots)
    {
        var n = 0;
        for (var w = 0; w < words.Length; w++)
        {
            var word = words[w];
            while (word != 0)
            {
                slots[n++] = (w << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
        return n;
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

/// <summary>
/// A bit set kept as its non-empty words only: counting how many of a set's bits another set has costs what this set
/// holds, not the whole length. Facet values are mostly sparse (a municipality among 290, a language among dozens).
/// </summary>
internal sealed class SparseBits
{
    private readonly int[] index;
    private readonly ulong[] words;

    /// <summary>Non-empty words (what counting against this set costs).</summary>
    public int WordCount => index.Length;

    /// <summary>Set bits.</summary>
    public int BitCount { get; }

    public SparseBits(Bits bits)
    {
        var full = bits.Words;
        var n = 0;
        foreach (var w in full)
        {
            if (w == 0) continue;
            n++;
            BitCount += BitOperations.PopCount(w);
        }
        index = new int[n];
        words = new ulong[n];
        var k = 0;
        for (var i = 0; i < full.Length; i++)
        {
            if (full[i] == 0) continue;
            index[k] = i;
            words[k++] = full[i];
        }
    }

    /// <summary>How many of this set's bits <paramref name="other"/> has too.</summary>
    public int CountAnd(Bits other)
    {
        var o = other.Words;
        var n = 0;
        if (index.Length == 0) return 0;
        if (index[^1] >= o.Length)
        {
            // A shorter set (never within one snapshot): checked reads.
            for (var k = 0; k < index.Length; k++)
            {
                var i = index[k];
                if (i < o.Length) n += BitOperations.PopCount(words[k] & o[i]);
            }
            return n;
        }
        // The hot loop of facet counting: every index is within the other set (the indexes ascend, the last was checked
        // above), so the reads go unchecked, four words a round.
        ref var at = ref MemoryMarshal.GetArrayDataReference(index);
        ref var word = ref MemoryMarshal.GetArrayDataReference(words);
        ref var theirs = ref MemoryMarshal.GetReference(o);
        int n0 = 0, n1 = 0, n2 = 0, n3 = 0, j = 0;
        for (; j + 4 <= index.Length; j += 4)
        {
            n0 += BitOperations.PopCount(Unsafe.Add(ref word, j) & Unsafe.Add(ref theirs, Unsafe.Add(ref at, j)));
            n1 += BitOperations.PopCount(Unsafe.Add(ref word, j + 1) & Unsafe.Add(ref theirs, Unsafe.Add(ref at, j + 1)));
            n2 += BitOperations.PopCount(Unsafe.Add(ref word, j + 2) & Unsafe.Add(ref theirs, Unsafe.Add(ref at, j + 2)));
            n3 += BitOperations.PopCount(Unsafe.Add(ref word, j + 3) & Unsafe.Add(ref theirs, Unsafe.Add(ref at, j + 3)));
        }
        for (; j < index.Length; j++)
        {
            n0 += BitOperations.PopCount(Unsafe.Add(ref word, j) & Unsafe.Add(ref theirs, Unsafe.Add(ref at, j)));
        }
        return n0 + n1 + n2 + n3;
    }
}
