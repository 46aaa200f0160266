namespace BorderAlertBot.Hosting;

public sealed class SampleOptions
{
    public const string SectionName = "Sample";

    /// <summary>Load the bundled Myanmar–China scenario when the store is empty at start.</summary>
    public bool LoadIntoEmptyStore { get; set; } = true;
}
