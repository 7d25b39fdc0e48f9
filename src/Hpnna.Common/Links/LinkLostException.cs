namespace Hpnna.Common.Links;

/// <summary>The link's peer or device is gone; the link is unusable and must be disposed and reopened.</summary>
public sealed class LinkLostException : Exception
{
    public LinkLostException(string message)
        : base(message)
    {
    }

    public LinkLostException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
