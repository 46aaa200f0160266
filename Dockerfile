# BorderAlertBot in a container (README, Operations → Deployment):
#   docker build -t borderalertbot .
#   docker run -d --name borderalertbot -p 127.0.0.1:8080:8080 -v borderalertbot-data:/data --env-file borderalertbot.env borderalertbot
# Build stage: the SDK publishes the executable; runtime stage: the ASP.NET Core runtime only, as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY src/ src/
RUN dotnet publish src/BorderAlertBot/BorderAlertBot.csproj -c Release -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# The store and charts live in /data, a volume; it belongs to the image's non-root user ($APP_UID, "app").
RUN mkdir -p /data && chown "$APP_UID" /data
WORKDIR /data
COPY --from=build /app /app
ENV Http__Address=0.0.0.0 \
    Http__Port=8080 \
    Store__Path=/data/borderalertbot.db \
    ConsoleAlerts__ChartFolder=/data/charts \
    DOTNET_ENVIRONMENT=Production \
    Logging__Console__FormatterName=json
USER $APP_UID
VOLUME ["/data"]
EXPOSE 8080
# The image has no curl: the bot asks itself (GET /healthz on Http:Port).
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["dotnet", "/app/BorderAlertBot.dll", "health"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "/app/BorderAlertBot.dll"]
CMD ["run"]
