namespace Podium.Server.Features.VoiceProfiles;

/// <summary>What the voice-profile operations share.</summary>
public static class VoiceProfileRules
{
    public static readonly ApiError NotFound = Api.NotFound("Voice profile not found");
    public static readonly ApiError NameTaken = Api.Conflict("A voice profile with this name already exists in the organization.");
}
