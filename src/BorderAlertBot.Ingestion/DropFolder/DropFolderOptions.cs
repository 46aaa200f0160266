using System.ComponentModel.DataAnnotations;

namespace BorderAlertBot.Ingestion.DropFolder;

/// <summary>The watched drop folder (README "Drop folder"): where, how often, and whom its revisions are by.</summary>
public sealed class DropFolderOptions
{
    public const string SectionName = "DropFolder";

    /// <summary>The folder to watch (relative to the working directory); none turns the drop folder off.</summary>
    public string? Path { get; set; }

    /// <summary>How often the folder is looked at. A file is taken once it has not changed between two looks.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Who the revisions of a file that names no curator are by.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "must name who the folder's revisions are by")]
    public string Curator { get; set; } = "folder";
}
