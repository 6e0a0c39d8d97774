using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

// Usage: BlazorScriptExtractor <assembly> <resource name> <destination file>
// Managed resources live in the CLI resources directory as [int32 length][bytes] at the offset the
// ManifestResource row gives (ECMA-335 II.22.24, II.24.2.6).
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: BlazorScriptExtractor <assembly> <resource name> <destination>");
    return 2;
}

var (assembly, resourceName, destination) = (args[0], args[1], args[2]);
using var stream = File.OpenRead(assembly);
using var pe = new PEReader(stream);
var metadata = pe.GetMetadataReader();
foreach (var handle in metadata.ManifestResources)
{
    var resource = metadata.GetManifestResource(handle);
    if (!resource.Implementation.IsNil || metadata.GetString(resource.Name) != resourceName)
    {
        continue;
    }

    var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
    var block = pe.GetSectionData(directory.RelativeVirtualAddress);
    var reader = block.GetReader((int)resource.Offset, block.Length - (int)resource.Offset);
    var bytes = reader.ReadBytes(reader.ReadInt32());
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
    if (!File.Exists(destination) || !File.ReadAllBytes(destination).AsSpan().SequenceEqual(bytes))
    {
        File.WriteAllBytes(destination, bytes);
    }

    Console.WriteLine($"Extracted {resourceName} ({bytes.Length} bytes) to {destination}");
    return 0;
}

Console.Error.WriteLine($"Resource '{resourceName}' not found in {assembly}");
return 1;
