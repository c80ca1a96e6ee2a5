using Orleans.Runtime;

namespace FactoryTwin.Server.Tests.Cluster;

/// <summary>Activates on the silo whose grain factory was called, so a test chooses where the state is written.</summary>
[Orleans.Placement.PreferLocalPlacement]
internal sealed class CounterGrain(
    [PersistentState("counter", AdoNetSilo.Store)] IPersistentState<CounterState> state,
    ILocalSiloDetails silo) : Grain, ICounterGrain
{
    public async Task<int> AddAsync(int amount, CancellationToken cancellationToken = default)
    {
        state.State.Value += amount;
        await state.WriteStateAsync(cancellationToken);
        return state.State.Value;
    }

    public Task<int> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(state.State.Value);

    public Task<string> GetSiloAsync(CancellationToken cancellationToken = default) => Task.FromResult(silo.SiloAddress.ToString());
}
