namespace Samla.Web.Features.Improvement;

/// <summary>Marker for improvement work's staff texts (ImprovementText.resx, Swedish, and ImprovementText.en.resx).</summary>
public sealed class ImprovementText;

/// <summary>Marker for the public learning pages' texts, in all seven UI languages (LearningText.*.resx).</summary>
public sealed class LearningText;
