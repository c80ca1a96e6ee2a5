namespace FactoryTwin.Mes.Scheduling;

/// <summary>What is wrong with an imported schedule; stable for tools that read <c>--output json</c>.</summary>
public enum ScheduleProblemCode
{
    /// <summary>The document is not well-formed XML (or declares a DTD, which is refused).</summary>
    MalformedXml,

    /// <summary>The document is larger than the configured limit and was not read to its end.</summary>
    DocumentTooLarge,

    /// <summary>The document does not conform to the B2MML V0700 schema.</summary>
    SchemaViolation,

    /// <summary>The root element is not a B2MML <c>OperationsSchedule</c> or <c>ProcessOperationsSchedule</c>.</summary>
    NotASchedule,

    /// <summary>Something the plant needs is absent (an order id, a product, a quantity, a time).</summary>
    MissingValue,

    /// <summary>Two orders share an id.</summary>
    DuplicateOrder,

    /// <summary>The product variant is not one of the plant's variants.</summary>
    UnknownVariant,

    /// <summary>The colour is not one of the plant's colours.</summary>
    UnknownColour,

    /// <summary>The line (process segment) is not one of the plant's lines.</summary>
    UnknownLine,

    /// <summary>A quantity that is not a whole number greater than 0.</summary>
    InvalidQuantity,

    /// <summary>A time without a UTC offset, or a due time not after the earliest start.</summary>
    InvalidTime,

    /// <summary>An order asks for more than one product; the plant builds one variant per order.</summary>
    AmbiguousProduct,
}
