namespace SeeMe.Server.Storage;

/// <summary>
/// File moves that belong to a change (see <see cref="FileStore.Place"/>): each is written to the
/// <c>moves</c> table in the change's transaction and done only after it commits, so a crash leaves
/// either the old records and files (the temp file is swept from tmp/ at the next start) or the new
/// records with their moves on record, which the next start finishes (<see cref="FileStore.FinishPendingMoves"/>).
/// </summary>
public sealed partial class Store
{
    /// <summary>Records a move in the current transaction (or on its own) and does it once that commits.</summary>
    public void MoveAfterCommit(string tempPath, string finalPath, Action<string, string> move)
    {
        lock (_gate)
        {
            Command("INSERT INTO moves (temp, final) VALUES ($temp, $final)", ("$temp", tempPath), ("$final", finalPath)).ExecuteNonQuery();
            var seq = (long)Scalar("SELECT last_insert_rowid()")!;
            _afterCommit.Add(() =>
            {
                move(tempPath, finalPath);
                Command("DELETE FROM moves WHERE seq = $seq", ("$seq", seq)).ExecuteNonQuery();
            });
            if (_transaction is null) RunAfterCommit();
        }
    }

    /// <summary>The moves recorded but not yet done (a crash came between a commit and its moves), oldest first.</summary>
    public List<(long Seq, string TempPath, string FinalPath)> PendingMoves()
    {
        lock (_gate)
        {
            var list = new List<(long, string, string)>();
            using var reader = Command("SELECT seq, temp, final FROM moves ORDER BY seq").ExecuteReader();
            while (reader.Read()) list.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            return list;
        }
    }

    public void ForgetMove(long seq)
    {
        lock (_gate) Command("DELETE FROM moves WHERE seq = $seq", ("$seq", seq)).ExecuteNonQuery();
    }

    private void RunAfterCommit()
    {
        var actions = _afterCommit.ToList();
        _afterCommit.Clear();
        foreach (var action in actions) action();
    }
}
