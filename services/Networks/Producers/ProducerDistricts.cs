using Microsoft.EntityFrameworkCore;
using RedesPlataforma.Networks.Infrastructure;
using RedesPlataforma.Networks.Places;

namespace RedesPlataforma.Networks.Producers;

/// <summary>
/// Finds the district a code names. Half of the INEI codes are also RENIEC codes of another district
/// (RENIEC's 240101 is Callao, INEI's is Tumbes), so the caller may say which numbering the code is in;
/// without that, INEI's reading wins, as in the places API.
/// </summary>
static class ProducerDistricts
{
    public static Task<District?> FindAsync(NetworksDb db, string code, UbigeoCoding? coding, CancellationToken ct)
    {
        var districts = db.Districts.AsNoTracking();
        return coding switch
        {
            UbigeoCoding.Inei => districts.FirstOrDefaultAsync(d => d.Code == code, ct),
            UbigeoCoding.Reniec => districts.FirstOrDefaultAsync(d => d.ReniecCode == code, ct),
            _ => districts.Where(d => d.Code == code || d.ReniecCode == code).OrderBy(d => d.Code == code ? 0 : 1).FirstOrDefaultAsync(ct),
        };
    }
}
