namespace DoubleDibz.Application.Common.Ports;

/// <summary>A list of commonly used (and so commonly guessed) passwords.</summary>
public interface ICommonPasswords
{
    bool Contains(string password);
}
