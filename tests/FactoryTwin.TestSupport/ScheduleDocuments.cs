namespace FactoryTwin.TestSupport;

/// <summary>Small B2MML V0700 <c>OperationsSchedule</c> documents for the tests.</summary>
public static class ScheduleDocuments
{
    /// <summary>A one-order schedule; each argument is put in the document as written.</summary>
    /// <param name="variant">The produced material (variant).</param>
    /// <param name="colour">The colour property.</param>
    /// <param name="quantity">The quantity text.</param>
    /// <param name="line">The process segment (line).</param>
    /// <param name="start">The order's start time text.</param>
    /// <param name="due">The order's end time text.</param>
    /// <param name="id">The order id.</param>
    /// <returns>The document.</returns>
    public static string OneOrder(
        string variant = "sedan", string colour = "white", string quantity = "10", string line = "body", string start = "2026-12-07T06:00:00+01:00", string due = "2026-12-07T10:00:00+01:00", string id = "ORD-1") =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <OperationsSchedule xmlns="http://www.mesa.org/xml/B2MML">
          <ID>S-1</ID>
          <OperationsRequest>
            <ID>{id}</ID>
            <StartTime>{start}</StartTime>
            <EndTime>{due}</EndTime>
            <SegmentRequirement>
              <ProcessSegmentID>{line}</ProcessSegmentID>
              <MaterialRequirement>
                <MaterialDefinitionID>{variant}</MaterialDefinitionID>
                <MaterialUse>Produced</MaterialUse>
                <Quantity><QuantityString>{quantity}</QuantityString></Quantity>
                <MaterialRequirementProperty><ID>colour</ID><Value><ValueString>{colour}</ValueString></Value></MaterialRequirementProperty>
              </MaterialRequirement>
            </SegmentRequirement>
          </OperationsRequest>
        </OperationsSchedule>
        """;
}
