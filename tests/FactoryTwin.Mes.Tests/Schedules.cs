using System.Text;
using FactoryTwin.Mes.Scheduling;
using FactoryTwin.TestSupport;

namespace FactoryTwin.Mes.Tests;

/// <summary>Schedule documents for the tests: the automotive sample and small hand-written ones.</summary>
internal static class Schedules
{
    public static string SamplePath => Path.Combine(RepositoryPaths.Root(), "samples", "mes", "automotive-schedule.xml");

    public static string SampleText => File.ReadAllText(SamplePath);

    public static MemoryStream Stream(string xml) => new(Encoding.UTF8.GetBytes(xml));

    public static ScheduleImportResult Import(string xml) => ScheduleImporter.Import(Stream(xml), TestPlants.Automotive);

    /// <summary>A one-order schedule; each argument is put in the document as written.</summary>
    public static string One(string variant = "sedan", string colour = "white", string quantity = "10", string line = "body", string start = "2026-12-07T06:00:00+01:00", string due = "2026-12-07T10:00:00+01:00", string id = "ORD-1") =>
        ScheduleDocuments.OneOrder(variant, colour, quantity, line, start, due, id);

    /// <summary>An endless-looking stream of <paramref name="length"/> bytes of a valid-looking document, produced on demand.</summary>
    public sealed class Huge(long length) : Stream
    {
        private static readonly byte[] s_head = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><OperationsSchedule xmlns=\"http://www.mesa.org/xml/B2MML\"><Description>");
        private long _position;

        public long BytesRead => _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, length - _position);
            for (int i = 0; i < n; i++)
            {
                long p = _position + i;
                buffer[offset + i] = p < s_head.Length ? s_head[p] : (byte)'x';
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
