namespace Samla.Web.Features.Shared;

/// <summary>What <c>_Paging.cshtml</c> needs: the page shown, how many there are, and the address of any page.</summary>
public sealed record PagingModel(int Page, int PageCount, Func<int, string> Url);
