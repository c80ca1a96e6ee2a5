namespace FactoryTwin.Model.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The file is valid but probably not what was meant.</summary>
    Warning,

    /// <summary>The file is invalid.</summary>
    Error,
}
