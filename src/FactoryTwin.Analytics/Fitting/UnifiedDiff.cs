using System.Globalization;
using System.Text;

namespace FactoryTwin.Analytics.Fitting;

/// <summary>A line-based unified diff (the <c>diff -u</c> format) of two texts, from their longest common subsequence.</summary>
public static class UnifiedDiff
{
    /// <summary>Creates the diff.</summary>
    /// <param name="before">The old text.</param>
    /// <param name="after">The new text.</param>
    /// <param name="beforeName">The old file's name, for the <c>---</c> header.</param>
    /// <param name="afterName">The new file's name, for the <c>+++</c> header.</param>
    /// <param name="context">Unchanged lines shown around each change.</param>
    /// <returns>The diff; empty when the texts have the same lines.</returns>
    public static string Create(string before, string after, string beforeName, string afterName, int context = 3)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentOutOfRangeException.ThrowIfNegative(context);
        var a = Lines(before);
        var b = Lines(after);

        // Trim the common head and tail, then LCS on the middle (plant files differ in a few places).
        int head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head])
        {
            head++;
        }

        int tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[a.Length - 1 - tail] == b[b.Length - 1 - tail])
        {
            tail++;
        }

        if (head == a.Length && head == b.Length)
        {
            return string.Empty;
        }

        // ops: ' ' keep, '-' delete, '+' insert, over the whole files.
        var ops = new List<(char Op, int A, int B)>();
        for (int i = 0; i < head; i++)
        {
            ops.Add((' ', i, i));
        }

        int n = a.Length - head - tail, m = b.Length - head - tail;
        var lcs = new int[(n + 1) * (m + 1)];
        for (int i = n - 1; i >= 0; i--)
        {
            for (int j = m - 1; j >= 0; j--)
            {
                lcs[(i * (m + 1)) + j] = a[head + i] == b[head + j]
                    ? lcs[((i + 1) * (m + 1)) + j + 1] + 1
                    : Math.Max(lcs[((i + 1) * (m + 1)) + j], lcs[(i * (m + 1)) + j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[head + x] == b[head + y])
            {
                ops.Add((' ', head + x++, head + y++));
            }
            else if (y < m && (x == n || lcs[(x * (m + 1)) + y + 1] >= lcs[((x + 1) * (m + 1)) + y]))
            {
                ops.Add(('+', head + x, head + y++));
            }
            else
            {
                ops.Add(('-', head + x++, head + y));
            }
        }

        for (int i = 0; i < tail; i++)
        {
            ops.Add((' ', a.Length - tail + i, b.Length - tail + i));
        }

        var text = new StringBuilder();
        text.Append("--- ").Append(beforeName).Append('\n').Append("+++ ").Append(afterName).Append('\n');
        int k = 0;
        while (k < ops.Count)
        {
            if (ops[k].Op == ' ')
            {
                k++;
                continue;
            }

            // A hunk: from `context` lines before this change to `context` lines after the last change closer than 2·context.
            int start = Math.Max(0, k - context);
            int end = k;
            while (true)
            {
                while (end < ops.Count && ops[end].Op != ' ')
                {
                    end++;
                }

                int next = end;
                while (next < ops.Count && ops[next].Op == ' ')
                {
                    next++;
                }

                if (next < ops.Count && next - end <= 2 * context)
                {
                    end = next;
                    continue;
                }

                end = Math.Min(ops.Count, end + context);
                break;
            }

            int aStart = ops[start].A, bStart = ops[start].B, aCount = 0, bCount = 0;
            for (int i = start; i < end; i++)
            {
                aCount += ops[i].Op != '+' ? 1 : 0;
                bCount += ops[i].Op != '-' ? 1 : 0;
            }

            text.Append(CultureInfo.InvariantCulture, $"@@ -{Range(aStart, aCount)} +{Range(bStart, bCount)} @@\n");
            for (int i = start; i < end; i++)
            {
                var (op, ia, ib) = ops[i];
                text.Append(op).Append(op == '+' ? b[ib] : a[ia]).Append('\n');
            }

            k = end;
        }

        return text.ToString();
    }

    private static string Range(int start, int count) =>
        count == 1 ? (start + 1).ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{(count == 0 ? start : start + 1)},{count}");

    private static string[] Lines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }
}
