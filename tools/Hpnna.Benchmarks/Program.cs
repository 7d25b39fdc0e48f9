using BenchmarkDotNet.Running;

// Examples: dotnet run -c Release --project tools/Hpnna.Benchmarks -- --filter '*'
//           dotnet run -c Release --project tools/Hpnna.Benchmarks -- --filter '*Interpreter*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Hpnna.Benchmarks.InterpreterTickBenchmarks).Assembly).Run(args);
