using System.Text.Json.Serialization;

namespace BorderAlertBot.Slack.Wire;

/// <summary>
/// A Block Kit block (platforms/slack.md §4), written with its <c>type</c> first. No <c>block_id</c>: Slack makes one,
/// and a fresh one on every update is what §4 asks for.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
public abstract record Block;
