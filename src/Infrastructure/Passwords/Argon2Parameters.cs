namespace DoubleDibz.Infrastructure.Passwords;

/// <summary>Argon2id cost parameters: memory in KiB, iterations (passes) and lanes.</summary>
public readonly record struct Argon2Parameters(int MemoryKiB, int Iterations, int Parallelism);
