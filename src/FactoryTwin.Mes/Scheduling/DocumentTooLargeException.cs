namespace FactoryTwin.Mes.Scheduling;

/// <summary>Thrown by <see cref="LimitedStream"/> when a document passes its size limit; caught by the importer.</summary>
internal sealed class DocumentTooLargeException : IOException
{
    public DocumentTooLargeException()
        : base("The document is larger than the size limit.")
    {
    }
}
