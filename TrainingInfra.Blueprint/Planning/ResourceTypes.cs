namespace TrainingInfra.Blueprint.Planning;

/// <summary>The Pulumi type tokens that the cost and quota models count.</summary>
public static class ResourceTypes
{
    /// <summary>awsx's VPC component: one VPC and one internet gateway.</summary>
    public const string AwsxVpc = "awsx:ec2:Vpc";

    /// <summary>A plain VPC: a private network's, which has no internet gateway.</summary>
    public const string Vpc = "aws:ec2/vpc:Vpc";

    /// <summary>A plain subnet: a private network's isolated ones.</summary>
    public const string Subnet = "aws:ec2/subnet:Subnet";

    /// <summary>A VPC endpoint (gateway or interface).</summary>
    public const string VpcEndpoint = "aws:ec2/vpcEndpoint:VpcEndpoint";

    /// <summary>A NAT gateway.</summary>
    public const string NatGateway = "aws:ec2/natGateway:NatGateway";

    /// <summary>A security group.</summary>
    public const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";

    /// <summary>A VPC flow log.</summary>
    public const string FlowLog = "aws:ec2/flowLog:FlowLog";

    /// <summary>A SageMaker notebook instance.</summary>
    public const string NotebookInstance = "aws:sagemaker/notebookInstance:NotebookInstance";

    /// <summary>A notebook's lifecycle configuration.</summary>
    public const string NotebookLifecycleConfiguration = "aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration";

    /// <summary>The CodeArtifact domain of the package mirror.</summary>
    public const string CodeArtifactDomain = "aws:codeartifact/domain:Domain";

    /// <summary>The CodeArtifact repository of the package mirror.</summary>
    public const string CodeArtifactRepository = "aws:codeartifact/repository:Repository";

    /// <summary>A Batch compute environment.</summary>
    public const string ComputeEnvironment = "aws:batch/computeEnvironment:ComputeEnvironment";

    /// <summary>A Batch job queue.</summary>
    public const string JobQueue = "aws:batch/jobQueue:JobQueue";

    /// <summary>An EventBridge rule.</summary>
    public const string EventRule = "aws:cloudwatch/eventRule:EventRule";

    /// <summary>A CloudWatch alarm.</summary>
    public const string MetricAlarm = "aws:cloudwatch/metricAlarm:MetricAlarm";

    /// <summary>A CloudWatch dashboard.</summary>
    public const string Dashboard = "aws:cloudwatch/dashboard:Dashboard";

    /// <summary>An IAM role.</summary>
    public const string Role = "aws:iam/role:Role";

    /// <summary>An S3 bucket.</summary>
    public const string Bucket = "aws:s3/bucket:Bucket";

    /// <summary>An AWS Budgets budget.</summary>
    public const string Budget = "aws:budgets/budget:Budget";

    /// <summary>An IAM customer managed policy.</summary>
    public const string ManagedPolicy = "aws:iam/policy:Policy";

    /// <summary>A KMS key.</summary>
    public const string KmsKey = "aws:kms/key:Key";

    /// <summary>A stack's read of another stack's outputs.</summary>
    public const string StackReference = "pulumi:pulumi:StackReference";

    /// <summary>The stack's serverless MLflow App.</summary>
    public const string MlflowApp = "aws:sagemaker/mlflowApp:MlflowApp";

    /// <summary>The stack's model registry.</summary>
    public const string ModelPackageGroup = "aws:sagemaker/modelPackageGroup:ModelPackageGroup";
}
