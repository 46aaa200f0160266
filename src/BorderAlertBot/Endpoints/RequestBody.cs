namespace BorderAlertBot.Endpoints;

/// <summary>A request body read whole as raw bytes (signatures are over the exact bytes), refused with 413 past a limit.</summary>
public static class RequestBody
{
    /// <summary>The body, or null when a 413 was written (too large, by its Content-Length or as read).</summary>
    public static async Task<byte[]?> ReadAsync(HttpContext context, int maxBytes)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
