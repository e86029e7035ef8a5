using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Predictions
{
    /// <summary>
    /// <para type="synopsis">Reports a prediction as wrong, or hides it from the model's history.</para>
    /// <para type="description">Takes predictions from Invoke-SeeMePrediction or Get-SeeMePrediction (the API has no call to fetch one prediction by id, so the object is needed). -ErrorReported marks it wrong (-ErrorReported:$false takes that back), -ErrorMessage says what was wrong, -Hidden hides it.</para>
    /// <example><code>Invoke-SeeMePrediction -Model $m -Path ./cat.jpg | Where-Object Label -ne 'cat' | Set-SeeMePrediction -ErrorReported -ErrorMessage 'This is a cat'</code><para>Reports a wrong prediction.</para></example>
    /// <example><code>Get-SeeMePrediction -Model $m -First 100 | Where-Object Confidence -lt 0.1 | Set-SeeMePrediction -Hidden -PassThru</code><para>Hides low-confidence predictions.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "SeeMePrediction", SupportsShouldProcess = true)]
    [OutputType(typeof(Prediction))]
    public sealed class SetSeeMePredictionCommand : SeeMeCmdlet
    {
        /// <summary><para type="description">The prediction (from Invoke-SeeMePrediction or Get-SeeMePrediction).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Prediction? Prediction { get; set; }

        /// <summary><para type="description">Marks the prediction as wrong (-ErrorReported:$false clears the mark).</para></summary>
        [Parameter]
        public SwitchParameter ErrorReported { get; set; }

        /// <summary><para type="description">What was wrong (the SDK's error text); implies -ErrorReported.</para></summary>
        [Parameter]
        [Alias("Error")]
        public string? ErrorMessage { get; set; }

        /// <summary><para type="description">Hides the prediction from the history (-Hidden:$false shows it again).</para></summary>
        [Parameter]
        public SwitchParameter Hidden { get; set; }

        /// <summary><para type="description">Writes the changed prediction to the pipeline.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            Update("Prediction", Prediction!, Edit, (p, ct) => Client.Predictions.UpdateAsync(p, ct), PassThru);
        }

        private void Edit(Prediction prediction)
        {
            if (IsBound(nameof(ErrorReported))) prediction.ErrorReported = ErrorReported;
            if (ErrorMessage != null)
            {
                prediction.Error = ErrorMessage;
                if (!IsBound(nameof(ErrorReported))) prediction.ErrorReported = true;
            }
            if (IsBound(nameof(Hidden))) prediction.Hidden = Hidden;
        }
    }
}
