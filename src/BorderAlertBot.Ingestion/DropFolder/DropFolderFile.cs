using BorderAlertBot.Ingestion.Files;

namespace BorderAlertBot.Ingestion.DropFolder;

/// <summary>What became of one dropped file: where it went, and the import's result (null when it could not be read at all).</summary>
public sealed record DropFolderFile(string Name, string MovedTo, bool Failed, FileImportResult? Result, string? Error);
