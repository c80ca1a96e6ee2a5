namespace FactoryTwin.Server.Fitting;

/// <summary>A fitted parameter with its 95 % confidence interval.</summary>
/// <param name="Name">mean, mu, sigma, shape or scale.</param>
/// <param name="Estimate">The estimate (seconds for mean and scale, ln seconds for mu).</param>
/// <param name="Lower">The lower end of the interval.</param>
/// <param name="Upper">The upper end of the interval.</param>
/// <param name="StandardError">The standard error.</param>
public sealed record FitParameterDto(string Name, double Estimate, double Lower, double Upper, double StandardError);

/// <summary>One family fitted to a sample.</summary>
/// <param name="Family">exponential, lognormal, weibull or gamma.</param>
/// <param name="Parameters">The parameters.</param>
/// <param name="LogLikelihood">The maximized log-likelihood.</param>
/// <param name="Aic">Akaike's information criterion.</param>
/// <param name="Ks">The Kolmogorov–Smirnov distance to the Kaplan–Meier CDF.</param>
/// <param name="KsCritical">Its 5 % critical value with estimated parameters.</param>
/// <param name="Rejected">Whether the K–S test rejects the family.</param>
/// <param name="Mean">The fitted mean in seconds.</param>
/// <param name="Cv">The fitted coefficient of variation.</param>
public sealed record FitCandidateDto(string Family, IReadOnlyList<FitParameterDto> Parameters, double LogLikelihood, double Aic, double Ks, double KsCritical, bool Rejected, double Mean, double Cv);

/// <summary>A point of a CDF.</summary>
/// <param name="T">The duration in seconds.</param>
/// <param name="F">The probability of a duration up to <paramref name="T"/>.</param>
public sealed record CdfPointDto(double T, double F);

/// <summary>All families fitted to one sample.</summary>
/// <param name="Count">Observations.</param>
/// <param name="Censored">Right-censored observations among them.</param>
/// <param name="Chosen">The chosen family.</param>
/// <param name="AllRejected">Whether every family was rejected (the chosen one is then only the least bad).</param>
/// <param name="Candidates">The fits.</param>
/// <param name="Empirical">The Kaplan–Meier CDF at up to 200 event times, for plots.</param>
public sealed record FitDto(int Count, int Censored, string? Chosen, bool AllRejected, IReadOnlyList<FitCandidateDto> Candidates, IReadOnlyList<CdfPointDto> Empirical);

/// <summary>The processing-time fit of one variant.</summary>
/// <param name="Variant">The variant id.</param>
/// <param name="Fit">The fit.</param>
public sealed record VariantFitDto(string Variant, FitDto Fit);

/// <summary>The fits of one station.</summary>
/// <param name="Station">The station id.</param>
/// <param name="Basis">operating or calendar: the clock of the times between failures.</param>
/// <param name="Failures">Times between failures.</param>
/// <param name="Repairs">Repair times.</param>
/// <param name="Processing">Processing times, all variants.</param>
/// <param name="ProcessingByVariant">Processing times per variant.</param>
/// <param name="Notes">Why something was not fitted.</param>
public sealed record StationFitDto(string Station, string Basis, FitDto? Failures, FitDto? Repairs, FitDto? Processing, IReadOnlyList<VariantFitDto> ProcessingByVariant, IReadOnlyList<string> Notes);

/// <summary>A distribution of the plant file the fit replaces.</summary>
/// <param name="Station">The station id.</param>
/// <param name="Field">processingTime, failures[0].timeBetween or failures[0].timeToRepair.</param>
/// <param name="Before">The distribution in the plant file.</param>
/// <param name="After">The fitted one.</param>
public sealed record PlantFitChangeDto(string Station, string Field, string Before, string After);

/// <summary>A fit of a plant's stations from its history, and the plant update it proposes.</summary>
/// <param name="Plant">The plant file or name.</param>
/// <param name="Since">The inclusive start of the history.</param>
/// <param name="Until">The exclusive end.</param>
/// <param name="Stations">The fits per station.</param>
/// <param name="Changes">The proposed plant changes.</param>
/// <param name="Skipped">Fits not proposed, with the reason.</param>
/// <param name="Diff">The unified diff of the plant file (as the plant writer writes it) before and after.</param>
/// <param name="Written">Whether the updated plant was written.</param>
public sealed record PlantFitDto(string Plant, DateTimeOffset Since, DateTimeOffset Until, IReadOnlyList<StationFitDto> Stations, IReadOnlyList<PlantFitChangeDto> Changes, IReadOnlyList<string> Skipped, string Diff, bool Written);
