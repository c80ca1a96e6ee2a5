namespace FactoryTwin.Thermal.Solver;

/// <summary>Thrown when an explicit step larger than the stability bound is requested.</summary>
public sealed class UnstableTimeStepException : ArgumentOutOfRangeException
{
    /// <summary>Creates the exception.</summary>
    public UnstableTimeStepException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public UnstableTimeStepException(string message)
        : base("dt", message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The inner exception.</param>
    public UnstableTimeStepException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a refused step.</summary>
    /// <param name="requested">The requested step, in seconds.</param>
    /// <param name="stableLimit">The largest stable step, in seconds.</param>
    public UnstableTimeStepException(double requested, double stableLimit)
        : base("dt", string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"Time step {requested:G6} s violates the explicit FTCS stability bound dt <= 1/max_i[(sum of face conductances_i + boundary conductance_i)/(rho*c)_i] = {stableLimit:G6} s (alpha*dt/dx^2 <= 1/(2d) for an interior cell of a uniform grid). Use a smaller step, Advance() to choose it, or an implicit scheme."))
    {
        RequestedStep = requested;
        StableLimit = stableLimit;
    }

    /// <summary>The requested step, in seconds.</summary>
    public double RequestedStep { get; }

    /// <summary>The largest stable step, in seconds.</summary>
    public double StableLimit { get; }
}
