using System.Globalization;
using FactoryTwin.Model.Diagnostics;

namespace FactoryTwin.Model.Units;

/// <summary>Recursive-descent parser for unit expressions: <c>expr := factor (('.'|'*'|'·'|'/') factor)*</c>.</summary>
internal sealed class ExpressionParser(string text)
{
    /// <summary>The largest power of a unit (m^3, s^-2 …); nothing physical needs more, and it keeps dimensions small.</summary>
    private const int MaxPower = 12;

    private int _pos;
    private string _error = string.Empty;

    public bool TryParse(out double scale, out Dimension dimension, out string error)
    {
        var ok = TryExpression(out scale, out dimension);
        SkipSpaces();
        if (ok && _pos != text.Length)
        {
            ok = false;
            _error = $"unexpected '{text[_pos]}' in unit '{text}'.";
        }

        error = _error;
        return ok;
    }

    private bool TryExpression(out double scale, out Dimension dimension)
    {
        if (!TryFactor(out scale, out dimension))
        {
            return false;
        }

        while (true)
        {
            SkipSpaces();
            if (_pos >= text.Length)
            {
                return true;
            }

            var op = text[_pos];
            if (op is not ('.' or '*' or '·' or '/'))
            {
                return true;
            }

            _pos++;
            if (!TryFactor(out var s, out var d))
            {
                return false;
            }

            if (op == '/')
            {
                scale /= s;
                dimension /= d;
            }
            else
            {
                scale *= s;
                dimension *= d;
            }
        }
    }

    private bool TryFactor(out double scale, out Dimension dimension)
    {
        SkipSpaces();
        scale = 1;
        dimension = Dimension.None;
        if (_pos >= text.Length)
        {
            _error = $"unit '{text}' ends where a unit symbol is expected.";
            return false;
        }

        if (text[_pos] == '(')
        {
            _pos++;
            if (!TryExpression(out scale, out dimension))
            {
                return false;
            }

            SkipSpaces();
            if (_pos >= text.Length || text[_pos] != ')')
            {
                _error = $"missing ')' in unit '{text}'.";
                return false;
            }

            _pos++;
            return TryExponent(ref scale, ref dimension);
        }

        if (text[_pos] == '1' && (_pos + 1 == text.Length || text[_pos + 1] is '/' or ' '))
        {
            _pos++;
            return true;
        }

        var start = _pos;
        while (_pos < text.Length && (char.IsLetter(text[_pos]) || text[_pos] is '°' or 'µ' or 'μ' or '%'))
        {
            _pos++;
        }

        if (_pos == start)
        {
            _error = $"unexpected '{text[_pos]}' in unit '{text}'.";
            return false;
        }

        var symbol = text[start.._pos];
        if (!UnitParser.TryLookup(symbol, out var unit))
        {
            _error = $"unknown unit '{symbol}'.{Suggestions.DidYouMean(symbol, UnitParser.KnownSymbols)} Known units include s, min, h, m, mm, m/min, K, degC, W/(m2.K), J/(kg.K), kg/m3, kJ/mol.";
            return false;
        }

        scale = unit.Scale;
        dimension = unit.Dimension;
        return TryExponent(ref scale, ref dimension);
    }

    private bool TryExponent(ref double scale, ref Dimension dimension)
    {
        if (_pos >= text.Length)
        {
            return true;
        }

        int exponent;
        if (text[_pos] == '²' || text[_pos] == '³')
        {
            exponent = text[_pos] == '²' ? 2 : 3;
            _pos++;
        }
        else
        {
            var start = _pos;
            if (text[_pos] == '^')
            {
                _pos++;
            }

            var numberStart = _pos;
            if (_pos < text.Length && text[_pos] == '-')
            {
                _pos++;
            }

            while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
            {
                _pos++;
            }

            if (_pos == numberStart || (_pos == numberStart + 1 && text[numberStart] == '-'))
            {
                if (_pos != start)
                {
                    _error = $"'^' must be followed by an integer power in unit '{text}'.";
                    return false;
                }

                _pos = start;
                return true;
            }

            // Found by fuzzing (fuzz/regressions/plant): a power of more digits than an int holds threw OverflowException.
            if (!int.TryParse(text.AsSpan(numberStart, _pos - numberStart), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)
                || exponent is < -MaxPower or > MaxPower)
            {
                _error = $"the power in unit '{text}' must be an integer from -{MaxPower} to {MaxPower}.";
                return false;
            }
        }

        scale = Math.Pow(scale, exponent);
        dimension = dimension.Pow(exponent);
        return true;
    }

    private void SkipSpaces()
    {
        while (_pos < text.Length && text[_pos] == ' ')
        {
            _pos++;
        }
    }
}
