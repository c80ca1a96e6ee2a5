namespace FactoryTwin.Model.Plants;

/// <summary>What a sensor measures; it fixes the dimension of the sensor's unit and range.</summary>
public enum SensorQuantity
{
    /// <summary>Temperature (<c>temperature</c>).</summary>
    Temperature,

    /// <summary>Pressure (<c>pressure</c>).</summary>
    Pressure,

    /// <summary>Relative humidity, a number (<c>humidity</c>).</summary>
    Humidity,

    /// <summary>Speed (<c>speed</c>).</summary>
    Speed,

    /// <summary>Electric power (<c>power</c>).</summary>
    Power,

    /// <summary>Electric current (<c>current</c>).</summary>
    Current,

    /// <summary>Voltage (<c>voltage</c>).</summary>
    Voltage,

    /// <summary>Volume flow (<c>flow</c>).</summary>
    Flow,

    /// <summary>Vibration as acceleration (<c>vibration</c>).</summary>
    Vibration,

    /// <summary>A fill level as a fraction (<c>level</c>).</summary>
    Level,

    /// <summary>A length or thickness, e.g. paint film build (<c>length</c>).</summary>
    Length,
}
