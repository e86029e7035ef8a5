using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// Cmdlets may only write to the pipeline from the pipeline thread, but Core reports progress
    /// from the thread pool. Background threads post here; the pipeline thread runs the posted
    /// actions while it waits for the Core call to finish.
    /// </summary>
    internal sealed class PipelineThreadQueue
    {
        private readonly BlockingCollection<Action> _actions = new BlockingCollection<Action>();

        public void Post(Action action) => _actions.Add(action);

        /// <summary>Waits for <paramref name="task"/> on the pipeline thread, running posted actions meanwhile.</summary>
        public T Wait<T>(Task<T> task)
        {
            while (!task.IsCompleted)
            {
                if (_actions.TryTake(out var action, 50)) action();
            }
            Drain();
            return task.GetAwaiter().GetResult();
        }

        private void Drain()
        {
            while (_actions.TryTake(out var action)) action();
        }
    }
}
