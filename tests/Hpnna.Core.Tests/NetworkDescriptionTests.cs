using Hpnna.Common.Validation;
using Hpnna.Core.Description;
using Hpnna.Core.Interpreters;
using Hpnna.Core.Layers;
using Hpnna.Core.Muls;

namespace Hpnna.Core.Tests;

public sealed class NetworkDescriptionTests
{
    private const string Valid = """
        {
          "format": "hpnna-network/1",
          "name": "demo",
          "neurons": 2,
          "inputs": 1,
          "tau": [1.0, 2.0],
          "initialState": [0.5, 0.2],
          "recurrent": [[0.0, 1.0], [0.0, 0.0]],
          "input": [[2.0], [0.0]],
          "bias": [-1.0, 0.0],
          "programmable": {
            "connections": ["W[1][0]", "W[1][1]", "V[1][0]", "b[1]"],
            "weightRange": [-5, 5],
            "mul": "precise",
            "theta": 0.05,
            "code": [1, -2, 3, 0.5]
          },
          "integrator": "forward-euler",
          "step": 0.1,
          "fastSubsteps": 2
        }
        """;

    [Fact]
    public void A_valid_description_builds_the_layer_it_describes()
    {
        var description = NetworkDescription.Parse(Valid, "demo.json");
        var layer = description.CreateLayer();

        Assert.Equal(2, layer.NeuronCount);
        Assert.Equal(MulKind.Precise, description.Definition.Mul);
        Assert.Equal([1.0, -2, 3, 0.5], layer.Code.ToArray());
        Assert.Equal(2 + 4 * 4 + 1, layer.TotalNeuronCount);
        Assert.Equal(Connection.Recurrent(1, 0), description.Definition.Programmable[0]);
    }

    [Fact]
    public void Writing_and_reading_back_gives_the_same_trajectory()
    {
        var original = NetworkDescription.Parse(Valid, "demo.json");
        var again = NetworkDescription.Parse(original.ToJson(), "again.json");
        var defaults = NetworkDescription.WithNeutralCode(InterpreterTopologies.L1());
        var defaultsAgain = NetworkDescription.Parse(defaults.ToJson(), "l1.json");

        Assert.Equal(Trajectory(original), Trajectory(again));
        Assert.Equal(12, defaultsAgain.Definition.CodeLength);
        Assert.Equal(39, defaultsAgain.CreateLayer().TotalNeuronCount);
        Assert.Contains("\"connections\": \"all\"", defaults.ToJson());
    }

    [Theory]
    [InlineData("forward-euler", null, UpdateOrder.Simultaneous)]
    [InlineData("exponential-euler", null, UpdateOrder.FastFirst)]
    [InlineData("forward-euler", "fast-first", UpdateOrder.FastFirst)]
    [InlineData("exponential-euler", "simultaneous", UpdateOrder.Simultaneous)]
    public void The_update_order_is_the_toolboxs_for_forward_euler_unless_the_file_says_otherwise(string integrator, string? stated, UpdateOrder expected)
    {
        var json = Valid.Replace("\"forward-euler\"", $"\"{integrator}\"", StringComparison.Ordinal);
        if (stated is not null)
        {
            json = json.Replace("\"fastSubsteps\": 2", $"\"fastSubsteps\": 2, \"updateOrder\": \"{stated}\"", StringComparison.Ordinal);
        }

        var description = NetworkDescription.Parse(json, "demo.json");
        var again = NetworkDescription.Parse(description.ToJson(), "again.json");

        Assert.Equal(expected, description.Definition.UpdateOrder);
        Assert.Equal(expected, again.Definition.UpdateOrder);
        Assert.Contains($"\"updateOrder\": \"{NetworkDescription.UpdateOrderName(expected)}\"", description.ToJson());
    }

    [Theory]
    [InlineData("\"tau\": [1.0, 2.0]", "\"tau\": [1.0]", "$.tau", "must have 2 values")]
    [InlineData("\"tau\": [1.0, 2.0]", "\"tau\": [1.0, 0]", "$.tau[1]", "must be > 0")]
    [InlineData("\"tau\": [1.0, 2.0]", "\"tau\": [1.0, -3]", "$.tau[1]", "must be > 0")]
    [InlineData("\"tau\": [1.0, 2.0]", "\"tau\": [1.0, \"NaN\"]", "$.tau[1]", "not a finite number")]
    [InlineData("\"bias\": [-1.0, 0.0]", "\"bias\": [\"Infinity\", 0.0]", "$.bias[0]", "not a finite number")]
    [InlineData("\"code\": [1, -2, 3, 0.5]", "\"code\": [1, -2, 3, 7.5]", "$.programmable.code[3]", "outside the weight range [-5, 5]")]
    [InlineData("\"code\": [1, -2, 3, 0.5]", "\"code\": [1, -2, 3]", "$.programmable.code", "has 4 values")]
    [InlineData("\"code\": [1, -2, 3, 0.5]", "\"code\": [1, \"NaN\", 3, 0.5]", "$.programmable.code[1]", "not a finite number")]
    [InlineData("\"mul\": \"precise\"", "\"mul\": \"quantum\"", "$.programmable.mul", "unknown mul kind 'quantum'")]
    [InlineData("\"integrator\": \"forward-euler\"", "\"integrator\": \"rk4\"", "$.integrator", "unknown integrator 'rk4'")]
    [InlineData("\"recurrent\": [[0.0, 1.0], [0.0, 0.0]]", "\"recurrent\": [[0.0, 1.0]]", "$.recurrent", "must have 2 rows")]
    [InlineData("\"recurrent\": [[0.0, 1.0], [0.0, 0.0]]", "\"recurrent\": [[0.0, 1.0], [0.5, 0.0]]", "$.programmable.connections[0]", "fixed weight must be 0")]
    [InlineData("\"W[1][0]\"", "\"W[1][7]\"", "$.programmable.connections[0]", "reads source 7")]
    [InlineData("\"W[1][0]\"", "\"X[1][0]\"", "$.programmable.connections[0]", "is not a connection")]
    [InlineData("\"weightRange\": [-5, 5]", "\"weightRange\": [5, -5]", "$.programmable.weightRange", "min < max")]
    [InlineData("\"step\": 0.1", "\"step\": 5", "$.step", "forward Euler needs step/tau <= 1")]
    [InlineData("\"step\": 0.1", "\"step\": 0", "$.step", "must be a finite number > 0")]
    [InlineData("\"neurons\": 2", "\"neurons\": 0", "$.neurons", "must be between 1")]
    [InlineData("\"neurons\": 2", "\"neurons\": \"two\"", "$.neurons", "wrong type: expected a whole number")]
    [InlineData("\"tau\": [1.0, 2.0]", "\"tua\": [1.0, 2.0]", "$", "unknown field 'tua'")]
    [InlineData("\"format\": \"hpnna-network/1\"", "\"format\": \"other/2\"", "$.format", "must be \"hpnna-network/1\"")]
    [InlineData("\"bias\": [-1.0, 0.0]", "\"bias\": [-1.0, 0.0,,]", "$.bias", "malformed JSON")]
    [InlineData("\"bias\": [-1.0, 0.0]", "\"bias\": [-1.0, NaN]", "$.bias", "malformed JSON")]
    [InlineData("\"fastSubsteps\": 2", "\"fastSubsteps\": 2, \"updateOrder\": \"slow-first\"", "$.updateOrder", "unknown update order 'slow-first' (expected fast-first, simultaneous)")]
    public void Bad_descriptions_are_refused_naming_the_field_and_the_problem(string from, string to, string path, string message)
    {
        var json = Valid.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Valid, json);

        var error = Assert.Throws<InvalidDescriptionException>(() => NetworkDescription.Parse(json, "bad.json"));

        var problem = Assert.Single(error.Problems, p => p.Message.Contains(message, StringComparison.Ordinal));
        Assert.StartsWith(path, problem.Path, StringComparison.Ordinal);
        Assert.StartsWith("bad.json: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var json = Valid.Replace("\"tau\": [1.0, 2.0]", "\"tau\": [0, -1]").Replace("\"mul\": \"precise\"", "\"mul\": \"fuzzy\"");

        var error = Assert.Throws<InvalidDescriptionException>(() => NetworkDescription.Parse(json, "bad.json"));

        Assert.Equal(["$.programmable.mul", "$.tau[0]", "$.tau[1]"], error.Problems.Select(p => p.Path).Order());
    }

    [Fact]
    public void Code_files_are_checked_against_the_network()
    {
        var definition = NetworkDescription.Parse(Valid, "demo.json").Definition;

        Assert.Equal([0.0, 1, 2, 3], CodeFile.Parse(CodeFile.ToJson("demo", [0, 1, 2, 3]), "ok.json", definition));
        Assert.Contains("has 4 values", Assert.Throws<InvalidDescriptionException>(() => CodeFile.Parse(CodeFile.ToJson("demo", [0, 1]), "short.json", definition)).Message);
        Assert.Contains("$.values[2]", Assert.Throws<InvalidDescriptionException>(() => CodeFile.Parse(CodeFile.ToJson("demo", [0, 1, 9, 3]), "range.json", definition)).Message);
        Assert.Contains("for network 'L1'", Assert.Throws<InvalidDescriptionException>(() => CodeFile.Parse(CodeFile.ToJson("L1", [0, 1, 2, 3]), "other.json", definition)).Message);
        Assert.Contains("malformed JSON", Assert.Throws<InvalidDescriptionException>(() => CodeFile.Parse("{ \"values\": [1, 2", "cut.json", definition)).Message);
    }

    private static List<double[]> Trajectory(NetworkDescription description)
    {
        var layer = description.CreateLayer();
        var rows = new List<double[]>();
        layer.Simulate(50, InputSequence.Constant([0.7]), (_, activities) => rows.Add(activities.ToArray()));
        return rows;
    }
}
