using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// The per-input calls of one command, in input order. A call starts only when fewer than the
    /// throttle limit are running and the window has room; calls are finished (their output or
    /// error written) strictly in the order they started, so output stays aligned with input. A
    /// slow call holds back the output of later ones, not their sending, up to a window of
    /// <see cref="ReorderFactor"/> times the throttle limit. Everything but <see cref="Calls"/>
    /// runs on the pipeline thread.
    /// </summary>
    internal sealed class InFlightWindow
    {
        /// <summary>How many calls may wait for their turn to be written, per call in flight.</summary>
        public const int ReorderFactor = 4;

        private readonly Queue<(Task Call, Action Finish)> _calls = new Queue<(Task, Action)>();
        private readonly PipelineThreadQueue _pipelineThread;

        public InFlightWindow(PipelineThreadQueue pipelineThread, int throttleLimit)
        {
            _pipelineThread = pipelineThread;
            ThrottleLimit = throttleLimit;
        }

        /// <summary>Calls running at once, at most.</summary>
        public int ThrottleLimit { get; }

        /// <summary>How many calls the window holds at most; also how many distinct progress ids it needs.</summary>
        public int Capacity => ThrottleLimit * ReorderFactor;

        /// <summary>Calls sent and not answered yet.</summary>
        public int Running
        {
            get
            {
                lock (_calls) return _calls.Count(c => !c.Call.IsCompleted);
            }
        }

        private int Count
        {
            get
            {
                lock (_calls) return _calls.Count;
            }
        }

        /// <summary>
        /// Waits for room (finishing the calls whose turn has come), then starts a call and queues
        /// <paramref name="finish"/> to run on the pipeline thread once it and all earlier calls are done.
        /// </summary>
        public void Start(Func<Task> start, Action finish)
        {
            WaitUntil(() => Running < ThrottleLimit && Count < Capacity);
            var call = start();
            lock (_calls) _calls.Enqueue((call, finish));
            _pipelineThread.WakeWhenDone(call);
            FinishReady();
        }

        /// <summary>Waits for every call and finishes them in order.</summary>
        public void FinishAll() => WaitUntil(() => Count == 0);

        /// <summary>The calls in the window; safe from any thread (StopProcessing waits for them).</summary>
        public Task[] Calls()
        {
            lock (_calls) return _calls.Select(c => c.Call).ToArray();
        }

        /// <summary>
        /// Sleeps on the pipeline thread until <paramref name="ready"/>. Whenever it is false some call is still
        /// running, and its completion wakes the thread, so this never waits longer than the work needs.
        /// </summary>
        private void WaitUntil(Func<bool> ready)
        {
            FinishReady();
            while (!ready())
            {
                _pipelineThread.RunNext();
                FinishReady();
            }
        }

        private void FinishReady()
        {
            _pipelineThread.RunPosted();
            while (true)
            {
                Action finish;
                lock (_calls)
                {
                    if (_calls.Count == 0 || !_calls.Peek().Call.IsCompleted) return;
                    finish = _calls.Dequeue().Finish;
                }
                finish();
            }
        }
    }
}
