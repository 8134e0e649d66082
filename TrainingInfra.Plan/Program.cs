using TrainingInfra.Plan;

return await PlanCommand.RunAsync(args, Console.Out, Console.Error, Directory.GetCurrentDirectory()).ConfigureAwait(false);
