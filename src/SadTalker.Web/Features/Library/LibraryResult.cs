namespace SadTalker.Web.Features.Library;

public enum LibraryStatus
{
    Ok,

    /// <summary>No such item, or it belongs to a team the user is not in (never revealed which).</summary>
    NotFound,

    /// <summary>A member whose role does not allow the action (e.g. a Viewer uploading).</summary>
    Forbidden,

    /// <summary>Bad input: <see cref="LibraryResult{T}.Code"/> and a message the user can act on.</summary>
    Invalid,

    /// <summary>The item is in use (e.g. by a running job).</summary>
    Conflict,
}

/// <summary>The outcome of a library use case: a value, or a status with a specific code and message. Expected failures are not exceptions.</summary>
public sealed record LibraryResult<T>(LibraryStatus Status, T? Value, string? Code, string? Message)
{
    public bool Succeeded => Status == LibraryStatus.Ok;

    public static LibraryResult<T> Ok(T value) => new(LibraryStatus.Ok, value, null, null);

    public static LibraryResult<T> NotFound() => new(LibraryStatus.NotFound, default, "not_found", "Not found.");

    public static LibraryResult<T> Forbidden(string message) => new(LibraryStatus.Forbidden, default, "forbidden", message);

    public static LibraryResult<T> Invalid(string code, string message) => new(LibraryStatus.Invalid, default, code, message);

    public static LibraryResult<T> Conflict(string code, string message) => new(LibraryStatus.Conflict, default, code, message);

    /// <summary>The same failure carrying another value type.</summary>
    public LibraryResult<TOther> As<TOther>() => new(Status, default, Code, Message);
}
