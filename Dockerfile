# syntax=docker/dockerfile:1
# FactoryTwin server image. From the repository root: `docker build -t factorytwin:dev .` (see docs/deployment.md).

# ---- build: the SDK publishes the factorytwin executable for linux-x64 (native libraries of that platform only) ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props FactoryTwin.slnx .editorconfig ./
COPY eng/ eng/
COPY src/ src/
COPY samples/ samples/
# The NuGet cache is a BuildKit cache mount: rebuilds after a source change do not download the packages again.
RUN --mount=type=cache,id=factorytwin-nuget,target=/root/.nuget/packages \
    dotnet restore src/FactoryTwin.Cli/FactoryTwin.Cli.csproj -r linux-x64
RUN --mount=type=cache,id=factorytwin-nuget,target=/root/.nuget/packages \
    dotnet publish src/FactoryTwin.Cli/FactoryTwin.Cli.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /app

# ---- runtime: ASP.NET Core runtime only, non-root ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl for the health check (the runtime image has neither curl nor wget); tzdata for the plant's site time zone
# (Europe/Berlin in the sample), named so that a slimmer base image cannot drop it unnoticed.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl tzdata \
    && rm -rf /var/lib/apt/lists/*
# The working folder is the executable's: relative paths given to a verb resolve here (samples/plants/…).
WORKDIR /app
COPY --from=build /app ./

# The data folder (generated certificate, security store, key ring, run-time settings, MES schedule, and the DuckDB
# historian and grain state when they are embedded) is a volume owned by the image's non-root user ($APP_UID, 1654,
# defined by the base image).
RUN mkdir -p /data && chown "$APP_UID:$APP_UID" /data
ENV Server__DataFolder=/data \
    Server__Host=0.0.0.0 \
    Server__Port=8443 \
    Telemetry__Host=0.0.0.0 \
    DOTNET_gcServer=1
VOLUME ["/data"]
USER $APP_UID

# HTTPS; the embedded broker, plain and TLS (unused with an external broker); Orleans silo and gateway.
EXPOSE 8443 1883 8883 11111 30000

# The server speaks HTTPS only, with a self-signed certificate unless Server:CertificatePath is set, so the probe
# skips certificate verification (--insecure): it talks to this container's own loopback, not across a network.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD curl --fail --silent --show-error --insecure --output /dev/null "https://127.0.0.1:${Server__Port}/health/ready" || exit 1

ENTRYPOINT ["./factorytwin"]
CMD ["serve"]
