# syntax=docker/dockerfile:1
# FactoryTwin server image: `docker build -t factorytwin:dev .` from the repository root (see docs/deployment.md).

# ---- build: the SDK publishes the factorytwin executable for linux-x64 (native libraries of that platform only) ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Build settings and package versions first, so the restore layer is reused while only sources change.
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props FactoryTwin.slnx .editorconfig ./
COPY eng/ eng/
COPY src/ src/
COPY samples/ samples/
RUN dotnet restore src/FactoryTwin.Cli/FactoryTwin.Cli.csproj -r linux-x64
RUN dotnet publish src/FactoryTwin.Cli/FactoryTwin.Cli.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /app

# ---- runtime: ASP.NET Core runtime only, non-root ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl for the health check only (the runtime image has neither curl nor wget).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./

# The data folder (generated certificate, security store, key ring, run-time settings, DuckDB historian and grain
# state when they are embedded) is a volume owned by the image's non-root user ($APP_UID, 1654, from the base image).
# /keys is the mount point for a key ring shared by the nodes of a cluster (Server:KeyRingFolder); a named volume
# mounted there takes this ownership on first use.
RUN mkdir -p /data /keys && chown "$APP_UID:$APP_UID" /data /keys
ENV Server__DataFolder=/data \
    Server__Host=0.0.0.0 \
    Server__Port=8443 \
    Telemetry__Host=0.0.0.0 \
    DOTNET_gcServer=1
VOLUME ["/data"]
USER $APP_UID

# HTTPS, embedded MQTT (plain and TLS; unused with an external broker), Orleans silo and gateway.
EXPOSE 8443 1883 8883 11111 30000

# The server speaks HTTPS only, with a self-signed certificate unless Server:CertificatePath is set, so the probe
# skips certificate verification (--insecure): it talks to this container's own loopback, not across a network.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD curl --fail --silent --show-error --insecure --output /dev/null "https://127.0.0.1:${Server__Port}/health/ready" || exit 1

ENTRYPOINT ["./factorytwin"]
CMD ["serve"]
