using Pulumi;
using TrainingInfra;

return await Deployment.RunAsync<TrainingStack>().ConfigureAwait(false);
