using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// Cmdlets may only write to the pipeline from the pipeline thread, but Core reports progress
    /// and completes its calls on the thread pool. Background threads post actions here; the
    /// pipeline thread sleeps until something is posted and runs it. A call that completes posts
    /// a wake-up, so the pipeline thread notices it at once: there is no polling interval.
    /// </summary>
    internal sealed class PipelineThreadQueue
    {
        private static readonly Action WakeUp = () => { };
        private readonly BlockingCollection<Action> _actions = new BlockingCollection<Action>();

        public void Post(Action action) => _actions.Add(action);

        /// <summary>Wakes the pipeline thread when <paramref name="task"/> completes.</summary>
        public void WakeWhenDone(Task task) =>
            task.ContinueWith(_ => _actions.Add(WakeUp), TaskContinuationOptions.ExecuteSynchronously);

        /// <summary>Waits for <paramref name="task"/> on the pipeline thread, running posted actions meanwhile.</summary>
        public T Wait<T>(Task<T> task)
        {
            if (!task.IsCompleted)
            {
                WakeWhenDone(task);
                while (!task.IsCompleted) RunNext();
            }
            RunPosted();
            return task.GetAwaiter().GetResult();
        }

        /// <summary>Sleeps until an action is posted (a wake-up included) and runs it.</summary>
        public void RunNext() => _actions.Take()();

        /// <summary>Runs what has been posted so far, without waiting.</summary>
        public void RunPosted()
        {
            while (_actions.TryTake(out var action)) action();
        }
    }
}
