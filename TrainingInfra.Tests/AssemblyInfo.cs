// Deployment.TestAsync keeps process-wide state (the deployment instance, PULUMI_CONFIG):
// two stacks must never run at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
