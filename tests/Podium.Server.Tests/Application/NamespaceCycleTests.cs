using Mono.Cecil;

namespace Podium.Server.Tests.Application;

/// <summary>
/// No feature namespace reaches another that reaches it back, and the engine, the event outbox and the
/// features do not reach each other both ways: read from the compiled server, every type reference in signatures and method bodies.
/// </summary>
public sealed class NamespaceCycleTests
{
    /// <summary>A feature (<c>Features.Spaces</c>, <c>Features.Telephony.Numbers</c>), the engine with its runtimes (<c>Engine</c>), or a top-level folder (<c>Auth</c>, <c>Http</c>...).</summary>
    private static string? UnitOf(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        var parts = type.Namespace.Split('.');
        if (parts.Length < 3 || parts[0] != "Podium" || parts[1] != "Server") return null;
        if (parts[2] != "Features" || parts.Length < 4) return parts[2];
        // A feature group (Features.Telephony.Numbers) is a folder of features, each its own unit.
        return parts[3] == "Telephony" && parts.Length > 4 ? $"Features.Telephony.{parts[4]}" : $"Features.{parts[3]}";
    }

    private static Dictionary<string, HashSet<string>> References()
    {
        using var assembly = AssemblyDefinition.ReadAssembly(typeof(Podium.Server.ServerSetup).Assembly.Location);
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var type in assembly.MainModule.GetTypes())
        {
            // The composition root (Program, ServerSetup) wires every unit together; it is no unit itself.
            if (UnitOf(type) is not { } from) continue;
            var to = graph.TryGetValue(from, out var known) ? known : graph[from] = [];
            foreach (var used in Used(type).SelectMany(Parts).Select(UnitOf).OfType<string>().Where(u => u != from)) to.Add(used);
        }
        return graph;
    }

    private static IEnumerable<TypeReference> Used(TypeDefinition type)
    {
        if (type.BaseType is not null) yield return type.BaseType;
        foreach (var i in type.Interfaces) yield return i.InterfaceType;
        foreach (var a in type.CustomAttributes) yield return a.AttributeType;
        foreach (var f in type.Fields) yield return f.FieldType;
        foreach (var p in type.Properties) yield return p.PropertyType;
        foreach (var m in type.Methods)
        {
            yield return m.ReturnType;
            foreach (var p in m.Parameters) yield return p.ParameterType;
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) yield return v.VariableType;
            foreach (var instruction in m.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t: yield return t; break;
                    case MemberReference member when member.DeclaringType is not null:
                        yield return member.DeclaringType;
                        if (member is MethodReference method)
                        {
                            yield return method.ReturnType;
                            foreach (var p in method.Parameters) yield return p.ParameterType;
                            if (method is GenericInstanceMethod generic) foreach (var g in generic.GenericArguments) yield return g;
                        }
                        else if (member is FieldReference field) yield return field.FieldType;
                        break;
                }
            }
        }
    }

    /// <summary>Generic arguments and array elements count as the types they are made of.</summary>
    private static IEnumerable<TypeReference> Parts(TypeReference type) => type switch
    {
        GenericInstanceType generic => generic.GenericArguments.SelectMany(Parts).Prepend(generic.ElementType),
        TypeSpecification specification => Parts(specification.ElementType),
        _ => [type],
    };

    [Fact]
    public void NoTwoUnits_ReachEachOther()
    {
        // The features, the engine and the event outbox, with the references they make to each other directly.
        static bool Checked(string unit) => unit is "Engine" or "Events" || unit.StartsWith("Features.", StringComparison.Ordinal);
        var graph = References().Where(g => Checked(g.Key)).ToDictionary(g => g.Key, g => g.Value.Where(Checked).ToHashSet());
        var cycles = new List<string>();
        foreach (var (from, targets) in graph.OrderBy(g => g.Key, StringComparer.Ordinal))
            foreach (var to in targets.Order(StringComparer.Ordinal))
                if (string.CompareOrdinal(from, to) < 0 && Reaches(graph, to, from) is { } back)
                    cycles.Add($"{from} -> {to} -> {string.Join(" -> ", back)}");
        Assert.True(cycles.Count == 0, "Namespaces that reach each other (move what both need to one of them, or to a unit both use):\n" + string.Join('\n', cycles));
    }

    /// <summary>A path from <paramref name="from"/> to <paramref name="to"/>, or null.</summary>
    private static List<string>? Reaches(Dictionary<string, HashSet<string>> graph, string from, string to)
    {
        var previous = new Dictionary<string, string> { [from] = from };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var at))
        {
            if (at == to)
            {
                var path = new List<string>();
                for (var step = to; step != from; step = previous[step]) path.Insert(0, step);
                return path;
            }
            foreach (var next in graph.GetValueOrDefault(at, []))
                if (previous.TryAdd(next, at)) queue.Enqueue(next);
        }
        return null;
    }
}
