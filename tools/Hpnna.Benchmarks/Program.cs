using BenchmarkDotNet.Running;
using Hpnna.Benchmarks;

// Examples: dotnet run -c Release --project tools/Hpnna.Benchmarks -- --filter '*'
//           dotnet run -c Release --project tools/Hpnna.Benchmarks -- --filter '*Interpreter*' --job short
//           tools/Hpnna.Benchmarks/link-flood.sh    (the service's loop lateness with and without a link flood)
if (args is ["link-flood", var host, var port, var seconds, var idle])
{
    return LinkFlood.Run(host, int.Parse(port), double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture), int.Parse(idle));
}

BenchmarkSwitcher.FromAssembly(typeof(InterpreterTickBenchmarks).Assembly).Run(args);
return 0;
